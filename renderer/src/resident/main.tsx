import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ResidentApp } from './ResidentApp';
// the same bundled fonts as the clerk's page: the counter PC may have no Japanese font of its own
import '@fontsource-variable/noto-sans-jp';
import '../styles.css';
import './resident.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ResidentApp />
  </StrictMode>,
);
