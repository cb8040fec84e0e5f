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

import { mergeChannels } from './common';

export * from './common';

/**
 * The one list of the features' contracts. Adding a feature: its `<f>.contract.ts` and one line
 * here (and one in each side's feature list).
 */
export const CONTRACT_PARTS = [
  membersContract,
  settingsContract,
  bookablesContract,
  bookingsContract,
  dataContract,
  authContract,
  frontdeskContract,
  bidsContract,
  auditContract,
  systemContract,
] as const;

/** Every operation of the app: `domain.verb` -> input schema, access, kind, output type. */
export const contract = mergeChannels(CONTRACT_PARTS);

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller may send (defaults still optional). */
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives after validation. */
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Exclude<Contract[C]['output'], undefined>;

/** Events pushed to open screens so they refresh when data changes. */
export type PushEvent = (typeof CONTRACT_PARTS)[number]['events'][number];
/** The part that declares each channel: the events that refresh it, the area the audit log files it under. */
export const PART_OF_CHANNEL: Readonly<Record<string, (typeof CONTRACT_PARTS)[number]>> = Object.fromEntries(
  CONTRACT_PARTS.flatMap((part) => Object.keys(part.channels).map((channel) => [channel, part])),
);
export const PUSH_EVENTS: readonly PushEvent[] = CONTRACT_PARTS.flatMap((part): readonly PushEvent[] => part.events);

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
