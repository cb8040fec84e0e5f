import { eventsContract } from '@shared/contract/events.contract';
import { labelsOf } from '../../db/tables';
import { defineFeature } from '../../feature';
import { remindAndDecide } from './attendance.service';
import { handlers } from './events.handlers';
import { seedEvents } from './events.seed';

/** Events: breakfasts, Stammtisch, seminars, trainings and fairs; replies with a waitlist; who came. */
export const eventsFeature = defineFeature({
  name: 'events',
  contract: eventsContract,
  handlers,
  tables: ['event_series', 'events', 'event_hosts', 'event_rsvps', 'fair_exhibitors', 'fair_needs'],
  seed: seedEvents,
  records: async (ctx, ids) => (await labelsOf(ctx.db, 'events', 'title', ids)).map((r) => ({ ...r, href: `/events/${r.id}` })),
  jobs: [
    {
      name: 'events.remind',
      audit: 'reminded those going and cancelled events too few signed up for',
      everyMs: 10 * 60_000,
      run: async (ctx) => ({ changed: await remindAndDecide(ctx) }),
    },
  ],
});

export { createIn as createEventIn, type NewEvent } from './schedule.service';
export { sessionsOf } from './events.service';
export { coopEventsCalendar, memberEventEntries } from './calendar.service';
export { type EventFee, feesBetween } from './events.service';
