import type { Booking } from '@shared/contract/bookings.contract';

export const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
export const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Who a booking is for, as people read it. */
export const whoOf = (b: Pick<Booking, 'memberName' | 'guestName'>) => b.memberName ?? (b.guestName ? `${b.guestName} (guest)` : 'Booked');
