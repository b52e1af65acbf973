import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { TrainingBanner } from './training/TrainingBanner';
// The UI font ships inside the bundle: counter PCs cannot fetch fonts and may lack Japanese ones.
import '@fontsource-variable/noto-sans-jp';
import './styles.css';
import './case.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <TrainingBanner />
    <App />
  </StrictMode>,
);
