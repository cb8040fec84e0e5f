/**
 * Runs `work` when the browser has nothing better to do (after `fallbackMs` where it cannot
 * tell, as in jsdom, and then without a deadline); returns how to call it off. For fetching ahead:
 * never in the way of a paint.
 */
export function whenIdle(work: (deadline?: IdleDeadline) => void, fallbackMs: number): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(work);
    return () => window.cancelIdleCallback(handle);
  }
  const timer = window.setTimeout(work, fallbackMs);
  return () => window.clearTimeout(timer);
}
