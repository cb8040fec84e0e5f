import { defineFeature } from '../../feature';

/**
 * Presence: who is in the building. A kernel both the front desk (members checking in) and
 * bookings (checking in a booking means the member arrived) write, so neither depends on the other.
 */
export const presenceFeature = defineFeature({ kernel: true, name: 'presence', tables: ['presence'] });

export { close, ensurePresent, history, lastSeen, open, openPresence, presentAt, presentIds } from './presence.service';
