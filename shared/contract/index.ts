import type { z } from 'zod';
import { CONTRACT_PARTS } from './parts';
import { mergeChannels } from './common';

export * from './common';
export { CONTRACT_PARTS };

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
