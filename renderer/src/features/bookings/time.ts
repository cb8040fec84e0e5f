import type { Booking } from '@shared/contract/bookings.contract';

// The clock's own helpers, under the board's short names.
export { minutesOf as minutes, timeOfMinutes as hhmm } from '@shared/domain/zoned';

/** Who a booking is for, as people read it. */
export const whoOf = (b: Pick<Booking, 'memberName' | 'guestName'>) => b.memberName ?? (b.guestName ? `${b.guestName} (guest)` : 'Booked');
