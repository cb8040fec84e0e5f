import { elementScroll, type Virtualizer } from '@tanstack/react-virtual';
import { useState } from 'react';

/**
 * TanStack Virtual's options for a list drawn in the render that mounts it, without forcing a
 * layout while it mounts (a forced layout of a board of 150 rows costs its open 15–25 ms):
 * - its size is guessed (`heightGuess`) and then measured by a ResizeObserver, which reports
 *   after the browser's own layout, instead of read from the element at once;
 * - its first scroll, which only puts a fresh element where it already is (the top), is skipped.
 */
export function useQuietMount(heightGuess: number) {
  return useState(() => quietMount(heightGuess))[0];
}

function quietMount(heightGuess: number) {
  let attached = false;
  return {
    initialRect: { width: 0, height: heightGuess },
    observeElementRect: observeSize,
    scrollToFn: (offset: number, options: { adjustments?: number; behavior?: ScrollBehavior }, instance: Virtualizer<HTMLDivElement, Element>) => {
      // the first call is the virtualizer's own as the element attaches, before anyone scrolls
      const first = !attached;
      attached = true;
      if (first && offset + (options.adjustments ?? 0) === 0) return;
      elementScroll(offset, options, instance);
    },
  };
}

/** The scroll area's size as a ResizeObserver reports it. */
function observeSize(instance: { scrollElement: Element | null }, report: (rect: { width: number; height: number }) => void) {
  const element = instance.scrollElement;
  if (!element || typeof ResizeObserver === 'undefined') return;
  const observer = new ResizeObserver(([entry]) => report({ width: Math.round(entry.contentRect.width), height: Math.round(entry.contentRect.height) }));
  observer.observe(element);
  return () => observer.disconnect();
}

/** Below the app's bar and a screen's header: what a board's scroll area is likely to get. */
export const boardHeightGuess = () => (typeof window === 'undefined' ? 800 : window.innerHeight - 150);
