import * as z from 'zod';
import type { BookingRules } from '../domain/bookingRules';
import { uniqueTags } from '../domain/tags';
import { command, query, contractPart } from './common';
import { byId, id } from './fields';

export const BOOKABLE_KINDS = ['desk', 'room', 'resource'] as const;
export type BookableKind = (typeof BOOKABLE_KINDS)[number];

const minutes = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}: enter a number of minutes` })
    .int(`${label}: whole minutes only`)
    .min(min, `${label}: at least ${min}`)
    .max(max, `${label}: at most ${max}`);

const bookingRulesFields = z.object({
  slotMinutes: minutes('Slot', 5, 1440),
  minMinutes: minutes('Shortest booking', 5, 44640),
  maxMinutes: minutes('Longest booking', 5, 44640),
  bufferBeforeMinutes: minutes('Buffer before', 0, 240),
  bufferAfterMinutes: minutes('Buffer after', 0, 240),
  maxDaysAhead: z.number().int().min(1, 'At least 1 day ahead').max(730, 'At most 730 days ahead'),
  minNoticeMinutes: minutes('Minimum notice', 0, 10080),
  cancelCutoffMinutes: minutes('Cancellation cut-off', 0, 10080),
  maxConcurrentPerMember: z.number().int().min(1, 'At least 1').max(1000, 'At most 1000'),
  noShowGraceMinutes: minutes('No-show grace', 5, 240),
  membersOnly: z.boolean(),
  approvalRequired: z.boolean(),
  checkinRequired: z.boolean(),
  withinOpeningHours: z.boolean(),
});

/** Every booking rule; a site sets them all, a bookable may override any. */
export const bookingRulesSchema = bookingRulesFields.refine((r) => r.minMinutes <= r.maxMinutes, {
  message: 'The shortest booking cannot be longer than the longest',
  path: ['minMinutes'],
});

export const ruleOverridesSchema = bookingRulesFields.partial();

export const bookableFields = z
  .object({
    siteId: id,
    kind: z.enum(BOOKABLE_KINDS, { error: 'Kind is desk, room or resource' }),
    name: z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(80, 'Name is too long'),
    description: z.string().trim().max(1000, 'Description is too long').default(''),
    capacity: z.number({ error: 'Enter a number' }).int('Whole numbers only').min(1, 'At least 1').max(500, 'At most 500'),
    features: z.array(z.string().trim().min(1).max(40)).max(20).default([]).transform(uniqueTags),
    hourlyRate: z
      .number({ error: 'Enter an amount in cents/pence' })
      .int('Whole minor units (cents, pence)')
      .min(0, 'Cannot be negative')
      .max(10_000_000)
      .default(0),
    ownerMemberId: id.nullable().default(null),
    rules: ruleOverridesSchema.default({}),
  })
  .refine((b) => b.rules.minMinutes === undefined || b.rules.maxMinutes === undefined || b.rules.minMinutes <= b.rules.maxMinutes, {
    message: 'The shortest booking cannot be longer than the longest',
    path: ['rules', 'minMinutes'],
  });
export type BookableFields = z.input<typeof bookableFields>;

export interface Bookable {
  id: string;
  siteId: string;
  kind: BookableKind;
  name: string;
  description: string;
  capacity: number;
  features: string[];
  hourlyRate: number;
  currency: string;
  ownerMemberId: string | null;
  ownerName: string | null;
  retiredAt: string | null;
  /** What this bookable sets itself. */
  overrides: Partial<BookingRules>;
  /** The rules that apply: the site's defaults with the overrides on top. */
  rules: BookingRules;
}

export const bookablesContract = contractPart('bookables', 'Rooms, desks and equipment', ['bookables.changed'], {
  'bookables.list': query<Bookable[]>()(
    z.object({ siteId: id.optional(), kind: z.enum(BOOKABLE_KINDS).optional(), includeRetired: z.boolean().default(false) }),
    'member',
  ),
  'bookables.get': query<Bookable>()(byId, 'member'),
  'bookables.create': command<Bookable>()(bookableFields, 'manager', { audit: 'added' }),
  'bookables.update': command<Bookable>()(bookableFields.and(z.object({ id })), 'manager', { audit: 'edited' }),
  'bookables.retire': command<Bookable>()(byId, 'manager', { audit: 'retired' }),
  'bookables.restore': command<Bookable>()(byId, 'manager', { audit: 'brought back' }),
});
