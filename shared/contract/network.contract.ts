import * as z from 'zod';
import { INTRO_OUTCOMES, REFERRAL_STATUSES, WARMTHS, type IntroOutcome, type ReferralStatus, type Warmth } from '../domain/network';
import { normalizeTag } from '../domain/tags';
import { command, contractPart, query } from './common';
import { byId, empty, id, isoDate } from './fields';

const tag = z.string({ error: 'Enter a tag' }).trim().min(1, 'Enter a tag').max(60, 'Keep a tag under 60 characters').transform(normalizeTag);

const text = (max: number, label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `Too long (at most ${max} characters)`);

/** Money in minor units (cents, pence): a won referral's or a purchase's value. */
const value = z
  .number({ error: 'Enter the value' })
  .int('In whole cents/pence')
  .positive('The value must be more than zero')
  .max(100_000_000_000, 'The value is too large');

/** Hours of one exchange: more than none, at most a day. */
const hours = z
  .number({ error: 'Enter the hours' })
  .positive('Enter the hours given (more than zero)')
  .max(24, 'One entry is at most a day (24 hours): enter longer work day by day')
  .transform((h) => Math.round(h * 60));

const page = { limit: z.number().int().min(1).max(500).default(50), offset: z.number().int().min(0).max(10_000_000).default(0) };
/** Whose records: one member's (a member asks for their own), or the whole co-op's (the desk only). */
const whose = z.object({ memberId: id.nullable().default(null) });

export interface MemberRef {
  id: string;
  name: string;
  businessName: string;
}

export interface Match {
  member: MemberRef;
  need: string;
  offer: string;
  score: number;
  reason: string;
  inToday: boolean;
}

export interface Matches {
  memberId: string;
  /** For each of the member's needs, who offers it, best first. */
  needs: { tag: string; suppliers: Match[] }[];
  /** For each of the member's offers, who needs it, best first. */
  offers: { tag: string; customers: Match[] }[];
}

export interface MarketRow {
  tag: string;
  /** The first few of each side by name; the counts say how many there are in all. */
  needers: MemberRef[];
  offerers: MemberRef[];
  needCount: number;
  offerCount: number;
}

export interface Gaps {
  /** Needs no current member offers, with how many members need each: the list for the next recruitment. */
  unmetNeeds: { tag: string; members: number }[];
  unneededOffers: { tag: string; members: number }[];
}

export interface TagAlias {
  alias: string;
  tag: string;
  createdAt: string;
}

export interface Introduction {
  id: string;
  tag: string;
  needer: MemberRef;
  supplier: MemberRef;
  at: string;
  neederOutcome: IntroOutcome;
  supplierOutcome: IntroOutcome;
}

export interface ReferralMove {
  status: ReferralStatus;
  onDate: string;
  /** Null unless the viewer is one of the two members or the manager. */
  value: number | null;
}

export interface Referral {
  id: string;
  giver: MemberRef;
  receiver: MemberRef;
  lead: string;
  need: string;
  warmth: Warmth;
  contactGiven: boolean;
  status: ReferralStatus;
  /** The won business's value: null unless won and the viewer is one of the two members or the manager. */
  value: number | null;
  currency: string;
  createdAt: string;
  moves: ReferralMove[];
  /** Whether the viewer may move it (its receiver, or staff) and it is still open. */
  mayMove: boolean;
}

export interface BalanceRow {
  member: MemberRef;
  referralsGiven: number;
  referralsReceived: number;
  /** Null where the viewer may not see amounts (another member's; the front desk's). */
  valueGiven: number | null;
  valueReceived: number | null;
  sold: number | null;
  bought: number | null;
  minutesGiven: number;
  minutesReceived: number;
  /** Given minus received, in minutes (confirmed exchanges only). */
  hoursBalance: number;
  /** Outside the limits the co-op set: flagged, never enforced. */
  outsideLimits: boolean;
}

export interface Trade {
  id: string;
  buyer: MemberRef;
  seller: MemberRef;
  what: string;
  sector: string;
  value: number | null;
  onDate: string;
}

export interface TradeReport {
  currency: string;
  total: number;
  count: number;
  byMonth: { month: string; value: number; count: number }[];
  bySector: { sector: string; value: number; count: number }[];
}

export interface Exchange {
  id: string;
  giver: MemberRef;
  receiver: MemberRef;
  minutes: number;
  what: string;
  onDate: string;
  state: 'pending' | 'confirmed' | 'declined';
  /** Whether the viewer may confirm or decline it (its receiver, or staff, while pending). */
  mayAnswer: boolean;
}

export interface NetworkSettings {
  /** No one's hours balance below this (hours, e.g. −10); null: no limit. */
  minHours: number | null;
  maxHours: number | null;
}

const limit = z.number({ error: 'Enter a number of hours' }).int('Whole hours').min(-1000, 'Too far').max(1000, 'Too far').nullable();

export const networkContract = contractPart('network', 'Business network', ['network.changed'], {
  'network.matches': query<Matches>()(z.object({ memberId: id }), 'member'),
  'network.marketplace': query<{ total: number; rows: MarketRow[] }>()(z.object({ q: z.string().trim().max(60).default(''), ...page }), 'member'),
  'network.gaps': query<Gaps>()(empty, 'member'),
  'network.aliases': query<TagAlias[]>()(empty, 'member'),
  'network.mergeTag': command<TagAlias>()(
    z.object({ from: tag, into: tag }).refine((v) => v.from !== v.into, { message: 'A tag cannot be merged into itself', path: ['into'] }),
    'manager',
    { audit: 'merged a tag' },
  ),
  'network.removeAlias': command<null>()(z.object({ alias: tag }), 'manager', { audit: 'removed a tag alias' }),
  'network.introduce': command<Introduction>()(
    z
      .object({ neederId: id, supplierId: id, tag })
      .refine((v) => v.neederId !== v.supplierId, { message: 'Introduce two different members', path: ['supplierId'] }),
    'member',
    { audit: 'introduced two members' },
  ),
  'network.introductions': query<Introduction[]>()(whose, 'member'),
  'network.introOutcome': command<Introduction>()(byId.extend({ outcome: z.enum(INTRO_OUTCOMES, { error: 'Choose what came of it' }) }), 'member', {
    audit: 'said what came of an introduction',
  }),
  'network.referrals': query<Referral[]>()(whose.extend({ status: z.enum(['open', 'closed', 'all']).default('all') }), 'member'),
  'network.passReferral': command<Referral>()(
    z.object({
      /** Who gives it: the caller when a member; the desk enters one for a member. */
      giverId: id.nullable().default(null),
      receiverId: id,
      lead: text(160, 'who the lead is'),
      need: text(500, 'what they need'),
      warmth: z.enum(WARMTHS, { error: 'Cold, warm or hot' }).default('warm'),
      contactGiven: z.boolean().default(false),
    }),
    'member',
    { audit: 'passed a referral' },
  ),
  'network.moveReferral': command<Referral>()(
    byId
      .extend({ to: z.enum(REFERRAL_STATUSES, { error: 'Choose where it stands' }), onDate: isoDate, value: value.nullable().default(null) })
      .superRefine((v, c) => {
        if (v.to === 'won' && v.value === null) c.addIssue({ code: 'custom', path: ['value'], message: 'A won referral needs the value of the business' });
        if (v.to !== 'won' && v.value !== null) c.addIssue({ code: 'custom', path: ['value'], message: 'Only a won referral has a value' });
      }),
    'member',
    { audit: 'moved a referral' },
  ),
  /** A page of members' balances by name (the desk; one member's with `memberId`); a member gets their own. */
  'network.balances': query<{ total: number; currency: string; rows: BalanceRow[] }>()(
    z.object({ q: z.string().trim().max(200).default(''), memberId: id.nullable().default(null), ...page }),
    'member',
  ),
  'network.trades': query<Trade[]>()(whose, 'member'),
  'network.recordTrade': command<Trade>()(
    z.object({
      buyerId: id.nullable().default(null),
      sellerId: id,
      what: text(300, 'what was bought'),
      sector: tag,
      value,
      onDate: isoDate,
    }),
    'member',
    { audit: 'recorded a purchase from a member' },
  ),
  'network.tradeReport': query<TradeReport>()(z.object({ months: z.number().int().min(1).max(120).default(12) }), 'member'),
  'network.exchanges': query<Exchange[]>()(whose, 'member'),
  'network.recordExchange': command<Exchange>()(
    z
      .object({ giverId: id, receiverId: id, hours, what: text(300, 'what was done'), onDate: isoDate })
      .refine((v) => v.giverId !== v.receiverId, { message: 'An exchange is between two different members', path: ['receiverId'] }),
    'member',
    { audit: 'recorded an exchange of hours' },
  ),
  'network.answerExchange': command<Exchange>()(byId.extend({ answer: z.enum(['confirm', 'decline'], { error: 'Confirm or decline' }) }), 'member', {
    audit: 'answered an exchange of hours',
  }),
  'network.exportHoursCsv': query<{ filename: string; csv: string }>()(empty, 'desk'),
  'network.settings': query<NetworkSettings>()(empty, 'member'),
  'network.saveSettings': command<NetworkSettings>()(
    z.object({ minHours: limit, maxHours: limit }).refine((v) => v.minHours === null || v.maxHours === null || v.minHours < v.maxHours, {
      message: 'The lowest balance must be below the highest',
      path: ['maxHours'],
    }),
    'manager',
    { audit: 'changed the hours limits' },
  ),
});
