import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches now, following changes (the window resized). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (changed) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** The desk's narrow window (1024 px and so): tables drop their least needed columns. */
export const NARROW = '(max-width: 1279px)';
