import { loadIcuData } from './icuData';

/**
 * A page's first `Intl` formatter loads ICU's locale and time zone data: 20–40 ms on a 2-core
 * machine in a new page's process (80 ms and more on a slow phone), whatever the zone; later ones
 * take under a millisecond. Every screen asks one for the site's clock (`offsetMinutes`), so the
 * first would pay it inside React's render of the screen's data. The data is the process's, not
 * the thread's: a worker that makes one formatter takes the cost off the page's own thread
 * (measured: the page's first formatter then took 0.5–0.9 ms instead of 20–41). Where a worker
 * cannot start (the desktop app's window is a file, whose origin may not start one), the page
 * makes it itself, in a task of its own, while it waits for its code and data.
 */
export function warmIntl(): void {
  const here = () => setTimeout(loadIcuData, 0);
  if (typeof Worker === 'undefined' || window.location.protocol === 'file:') return void here();
  try {
    const worker = new Worker(new URL('./warmIntl.worker.ts', import.meta.url), { type: 'module', name: 'warm-intl' });
    worker.onmessage = () => worker.terminate();
    worker.onerror = () => {
      worker.terminate();
      here();
    };
  } catch {
    here();
  }
}
