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

export type CreditKind = 'desk' | 'room' | 'resource';

/** What a plan includes in a month, per kind of bookable: desk days, or minutes of room and resource hours. */
export interface Allowance {
  desk: number;
  room: number;
  resource: number;
  discountPct: number;
}

export interface ChargeInput {
  kind: CreditKind;
  /** The bookable's rate per hour, for each unit held (a room is held whole: 1). */
  rateMinor: number;
  minutes: number;
  units: number;
  /** The member's plan that day (null: none, or paused), and what of this kind they spent this month already. */
  allowance: Allowance | null;
  spent: number;
}

/**
 * A booking's price: its member's included credits first, then the rest at the rate, less the
 * plan's discount. Credits are minutes for rooms and resources and days for desks (a desk booked
 * for any part of a day takes one day per seat); never more than what is left, never below zero;
 * a bookable without a rate costs nothing and spends none.
 */
export function chargeFor(c: ChargeInput): { priceMinor: number; creditsUsed: number; left: number } {
  const full = (c.rateMinor * c.minutes * c.units) / 60;
  // what costs nothing spends no credits
  if (!c.allowance || c.rateMinor === 0) return { priceMinor: Math.round(full), creditsUsed: 0, left: 0 };
  const left = Math.max(0, c.allowance[c.kind] - c.spent);
  const need = c.kind === 'desk' ? c.units : c.minutes;
  const used = Math.min(left, need);
  const share = need === 0 ? 0 : (need - used) / need;
  return { priceMinor: Math.round((full * share * (100 - c.allowance.discountPct)) / 100), creditsUsed: used, left };
}

/** Credit minutes as hours, to the hundredth: 90 → "1.5". */
export const hoursOf = (minutes: number): string => String(Math.round((minutes / 60) * 100) / 100);

/** "Uses 2 of your 8 room hours left this month": a booking's credits in words (minutes shown as hours). */
export function creditWords(kind: CreditKind, used: number, left: number): string {
  const what = kind === 'desk' ? 'desk days' : `${kind} hours`;
  const n = kind === 'desk' ? String : hoursOf;
  if (left === 0) return `Your plan’s ${what} this month are used up`;
  return `Uses ${n(used)} of your ${n(left)} ${what} left this month`;
}

/** Tax on an amount at a rate in basis points (2000: 20%), to the nearest minor unit. */
export const taxOn = (minor: number, bp: number): number => Math.round((minor * bp) / 10_000);
