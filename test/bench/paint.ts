/**
 * Runs in the page before its scripts (an init script): `__bench.arm(check)` waits for the next
 * click or key (or `start()`), then for `check()` to hold after a DOM change, then for the frame
 * that paints it (a requestAnimationFrame, then a task after it, which runs once that frame is
 * drawn). A navigation measurement arms itself from sessionStorage's `benchWant` selector, timed
 * from navigation start. The paint is also told on the console, so that a cold open's figure can
 * be awaited without Playwright's polling running in the page while it opens. Long tasks come from the browser's own observer.
 */
export function instrument(): void {
  const longTasks: { start: number; duration: number }[] = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task timing in this browser
  }
  let observer: MutationObserver | null = null;
  const bench = {
    t0: null as number | null,
    done: null as number | null,
    start() {
      bench.t0 = performance.now();
    },
    arm(check: () => boolean, fromNavigation = false) {
      observer?.disconnect();
      bench.done = null;
      bench.t0 = fromNavigation ? 0 : null;
      const events = ['click', 'keydown'];
      const mark = (event: Event) => {
        if (bench.t0 === null) bench.t0 = event.timeStamp;
        for (const type of events) removeEventListener(type, mark, true);
      };
      if (!fromNavigation) for (const type of events) addEventListener(type, mark, true);
      const painted = () =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            bench.done = performance.now();
            // for a cold open, told rather than polled for (see coldFigures)
            console.debug('bench:done');
          };
          channel.port2.postMessage(0);
        });
      observer = new MutationObserver(() => {
        if (bench.t0 !== null && check()) {
          observer?.disconnect();
          painted();
        }
      });
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    },
    measured() {
      const t0 = bench.t0 ?? 0;
      const during = longTasks.filter((t) => t.start + t.duration > t0 && t.start < (bench.done ?? t0));
      return {
        ms: (bench.done ?? t0) - t0,
        longTasks: during.filter((t) => t.duration > 50).length,
        longestTask: Math.max(0, ...during.map((t) => t.duration)),
      };
    },
  };
  (window as unknown as { __bench: typeof bench }).__bench = bench;
  const want = sessionStorage.getItem('benchWant');
  if (want) {
    sessionStorage.removeItem('benchWant');
    bench.arm(() => document.querySelector(want) !== null, true);
  }
}
