/** Benchmark helpers: figures are printed as JSON lines, never asserted. */

export const SCALE = Number(process.env.BENCH_SCALE ?? 1);

export interface Figure {
  bench: string;
  n: number;
  median_ms: number;
  p95_ms: number;
  [extra: string]: unknown;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Runs `work` a few times to warm up (`warmingUp` then), then `n` times, and prints median and p95. */
export async function measure(
  bench: string,
  n: number,
  work: (i: number, warmingUp: boolean) => Promise<unknown> | unknown,
  extra: Record<string, unknown> = {},
): Promise<Figure> {
  for (let i = 0; i < Math.min(20, n); i++) await work(i, true);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await work(i, false);
    times.push(performance.now() - start);
  }
  return reportTimes(bench, times, extra);
}

/** Prints the median and p95 of times taken by hand (a step that needs undoing between runs). */
export function reportTimes(bench: string, times: number[], extra: Record<string, unknown> = {}): Figure {
  times.sort((a, b) => a - b);
  const figure = { bench, n: times.length, median_ms: round(quantile(times, 0.5)), p95_ms: round(quantile(times, 0.95)), ...extra };
  report(figure);
  return figure;
}

export function report(figure: Record<string, unknown>): void {
  console.log(JSON.stringify(figure));
}

/** Times one long step (data generation) once. */
export async function timeOnce<T>(bench: string, work: () => Promise<T>, extra: Record<string, unknown> = {}): Promise<T> {
  const start = performance.now();
  const result = await work();
  report({ bench, n: 1, total_ms: round(performance.now() - start), ...extra });
  return result;
}
