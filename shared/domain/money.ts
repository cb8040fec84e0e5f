/**
 * Money is an integer of minor units (cents, pence) with the co-op's currency code; never a
 * float. These are the only places that turn it into text and back.
 */

/** "£12.50" in the given locale (the co-op's; the system's when absent). */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 100);
}

/** What a person typed ("12.50", "1,200") as minor units; blank is 0, anything else not a number is NaN. */
export function parseMoney(text: string): number {
  const clean = text.replace(/[,\s]/g, '');
  return clean === '' ? 0 : Math.round(Number(clean) * 100);
}

/** Minor units as the text a money field starts with: "12.50". */
export const moneyInput = (minor: number): string => (minor / 100).toFixed(2);

/**
 * Splits `total` minor units by `weights` so the parts sum exactly to it: each gets the whole
 * part of its share, and the units left over go one each to the largest remainders (ties to the
 * earlier). Weights are non-negative with a positive sum.
 */
export function splitLargestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (!(sum > 0)) throw new Error('Nothing to split by');
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}

/** Days in a calendar month "2027-02". */
export const daysInMonth = (month: string): number => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();

/**
 * A monthly price for days `from`..`to` (1-based, inclusive) of a month of `days` days, by
 * calendar days. Rounded by the running total, so the parts of any division of a month into
 * periods sum exactly to the price (a member who changes plan mid-month pays neither a unit
 * more nor less than the days say).
 */
export function prorate(price: number, from: number, to: number, days: number): number {
  if (to < from) return 0;
  const upTo = (d: number) => Math.round((price * d) / days);
  return upTo(to) - upTo(from - 1);
}
