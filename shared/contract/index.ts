import type { z } from 'zod';
import { bidsContract } from './bids.contract';
import { bookablesContract } from './bookables.contract';
import { bookingsContract } from './bookings.contract';
import { auditContract } from './audit.contract';
import { authContract } from './auth.contract';
import { dataContract } from './data.contract';
import { frontdeskContract } from './frontdesk.contract';
import { membersContract } from './members.contract';
import { settingsContract } from './settings.contract';
import { systemContract } from './system.contract';

export * from './common';

/** Every operation of the app: `domain.verb` -> input schema, access, output type. */
export const contract = {
  ...membersContract,
  ...settingsContract,
  ...bookablesContract,
  ...bookingsContract,
  ...dataContract,
  ...authContract,
  ...frontdeskContract,
  ...bidsContract,
  ...auditContract,
  ...systemContract,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller may send (defaults still optional). */
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives after validation. */
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Exclude<Contract[C]['output'], undefined>;

/** Events pushed to open screens so they refresh when data changes. */
export const PUSH_EVENTS = ['members.changed', 'settings.changed', 'bookables.changed', 'bookings.changed', 'data.changed', 'frontdesk.changed', 'auth.changed', 'bids.changed'] as const;
export type PushEvent = (typeof PUSH_EVENTS)[number];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
