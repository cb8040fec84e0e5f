import { bookingsContract } from '@shared/contract/bookings.contract';
import { defineFeature } from '../../feature';
import { releaseNoShows } from './bookings.commands';
import { handlers } from './bookings.handlers';
import { bookingLabels } from './bookings.queries';
import { seedBookings } from './bookings.seed';

export const bookingsFeature = defineFeature({
  records: bookingLabels,
  name: 'bookings',
  contract: bookingsContract,
  handlers,
  tables: ['booking_series', 'bookings'],
  seed: seedBookings,
  jobs: [
    // Bookings that need a check-in go back on the board when nobody came.
    { name: 'bookings.releaseNoShows', audit: 'released no-shows', everyMs: 60_000, run: async (ctx) => ({ changed: (await releaseNoShows(ctx)).released }) },
  ],
});

export { type Occupied, bookedHours, checkInOnArrival, deskSeats, occupancy } from './occupancy.queries';
export { memberCalendar } from './bookings.queries';
export { bookWithin, cancelWithin, retitleWithin } from './bookings.commands';
export { type PlanLookup, setPlanLookup } from './charging.policy';
export { type ChargedBooking, chargedBetween } from './bookings.queries';
