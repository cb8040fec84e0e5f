import { zonedInstant } from '../../../../shared/domain/zoned';
import type { Booking } from '../../../../shared/contract/bookings.contract';

/** ISO instant of a local date and time in the site's zone (what the API takes). */
export const instantIso = (date: string, time: string, zone: string) => new Date(zonedInstant(date, time, zone)).toISOString();

export const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
export const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Who a booking is for, as people read it. */
export const whoOf = (b: Pick<Booking, 'memberName' | 'guestName'>) => b.memberName ?? (b.guestName ? `${b.guestName} (guest)` : '—');

export function formatMoney(minor: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(minor / 100);
}
