import { useEffect, useState } from 'react';
import type { NameReadingSuggestions } from '../../../common/contract/name-operations';
import { bridge } from '../bridge/bridge';

/**
 * The likely readings of a person's 氏 and 名, asked of the services (suggestNameReadings) when the
 * name changes, after a short pause while it is being typed. `state` is 'ready' only for the name as
 * it is now, so a reading of an earlier spelling is never offered.
 */
export interface NameReadingsState {
  state: 'empty' | 'loading' | 'ready';
  family: string[];
  given: string[];
}

const DEBOUNCE_MS = 120;
const CACHE_MAX = 100;
const cache = new Map<string, NameReadingSuggestions>();
const NONE: NameReadingSuggestions = { family: [], given: [] };

export function useNameReadings(family: string, given: string): NameReadingsState {
  const key = `${family.trim()}\t${given.trim()}`;
  const [answer, setAnswer] = useState<{ key: string; value: NameReadingSuggestions } | null>(null);
  useEffect(() => {
    if (key === '\t') return;
    const cached = cache.get(key);
    if (cached) return void setAnswer({ key, value: cached });
    let live = true;
    const t = setTimeout(() => {
      const [f, g] = key.split('\t') as [string, string];
      void bridge.suggestNameReadings({ family: f.slice(0, 40), given: g.slice(0, 40) }).then((r) => {
        const value = r.ok ? r.value : NONE;
        if (r.ok) {
          if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
          cache.set(key, value);
        }
        if (live) setAnswer({ key, value });
      });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [key]);
  if (key === '\t') return { state: 'empty', ...NONE };
  if (answer?.key !== key) return { state: 'loading', ...NONE };
  return { state: 'ready', ...answer.value };
}
