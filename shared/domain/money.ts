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
