import * as z from 'zod';
import { BID_STAGES, type BidStage, type PlaceStatus, type TeamSuggestion } from '../domain/bids';
import { uniqueTags } from '../domain/tags';
import { command, query, contractPart } from './common';
import { byId, currencyCode, empty, id, isoDate, instant } from './fields';

export const BID_SOURCES = ['member', 'tender', 'referral', 'other'] as const;
export const BID_VISIBILITIES = ['open', 'team'] as const;
export type BidSource = (typeof BID_SOURCES)[number];
export type BidVisibility = (typeof BID_VISIBILITIES)[number];

const money = (label: string) =>
  z
    .number({ error: `Enter the ${label}` })
    .int('In whole cents/pence')
    .min(0, `The ${label} cannot be negative`)
    .max(100_000_000_000, `The ${label} is too large`);

/** A share in percent with at most two decimals (33.33); stored as basis points. */
const share = z
  .number({ error: 'Enter a percentage' })
  .min(0, 'A share cannot be negative')
  .max(100, 'A share is at most 100 %')
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: 'At most two decimals, e.g. 33.33' });

const neededSkill = z.object({
  tag: z.string({ error: 'Name the skill' }).trim().min(1, 'Name the skill').max(60, 'Keep a skill under 60 characters'),
  days: z.number({ error: 'Enter days of work' }).int('Whole days').min(0, 'Days cannot be negative').max(10_000, 'At most 10,000 days').default(0),
});

/** What a person enters for an opportunity (create and edit share it). */
export const bidFields = z
  .object({
    title: z.string({ error: 'Title is required' }).trim().min(1, 'Title is required').max(200, 'Title is too long'),
    client: z.string().trim().max(200, 'Client is too long').default(''),
    description: z.string().trim().max(10_000, 'Description is too long').default(''),
    estimatedValue: money('estimated value').default(0),
    currency: currencyCode.optional(),
    deadline: instant.nullable().default(null),
    deliveryStart: isoDate.nullable().default(null),
    deliveryEnd: isoDate.nullable().default(null),
    source: z.enum(BID_SOURCES, { error: 'Source is a member, a tender, a referral or other' }).default('other'),
    sourceMemberId: id.nullable().default(null),
    sourceNote: z.string().trim().max(500, 'Too long').default(''),
    visibility: z.enum(BID_VISIBILITIES, { error: 'Visible to all members or to the team only' }).default('open'),
    skills: z
      .array(neededSkill, { error: 'Skills must be a list' })
      .max(30, 'At most 30 skills')
      .default([])
      .transform((list) => {
        // one row per skill, in its normalised spelling; days of a repeated skill add up
        const days = new Map<string, number>();
        for (const s of list) {
          const [tag] = uniqueTags([s.tag]);
          if (tag) days.set(tag, (days.get(tag) ?? 0) + s.days);
        }
        return [...days].map(([tag, d]) => ({ tag, days: d }));
      }),
  })
  .refine((b) => !b.deliveryStart || !b.deliveryEnd || b.deliveryStart <= b.deliveryEnd, { message: 'Delivery ends before it starts', path: ['deliveryEnd'] })
  .refine((b) => b.source !== 'member' || b.sourceMemberId !== null, { message: 'Choose the member who brought it', path: ['sourceMemberId'] });
export type BidFields = z.input<typeof bidFields>;

export const bidListQuery = z.object({
  q: z.string().trim().max(200, 'Search is too long').default(''),
  /** 'board': still going, and closed in the last weeks. */
  stage: z.enum([...BID_STAGES, 'all', 'active', 'board']).default('all'),
  memberId: id.optional(),
  source: z.enum([...BID_SOURCES, 'all']).default('all'),
  attention: z.boolean().default(false),
});

export interface BidTeamMember {
  memberId: string;
  name: string;
  number: number;
  status: PlaceStatus;
  role: string;
  /** Percent, e.g. 33.33. */
  workShare: number;
  revenueShare: number;
  isLead: boolean;
}

export interface BidTask {
  id: string;
  title: string;
  ownerMemberId: string | null;
  ownerName: string | null;
  dueDate: string | null;
  done: boolean;
  overdue: boolean;
}

export interface BidActivity {
  id: string;
  kind: 'created' | 'move' | 'go' | 'no-go' | 'note' | 'decision' | 'team' | 'outcome';
  at: string;
  who: string;
  text: string;
  fromStage: BidStage | null;
  toStage: BidStage | null;
  agreedBy: string[];
}

export interface BidDocument {
  id: string;
  name: string;
  size: number;
  addedAt: string;
}

export interface BidSummary {
  id: string;
  title: string;
  client: string;
  stage: BidStage;
  estimatedValue: number;
  finalValue: number | null;
  currency: string;
  deadline: string | null;
  /** The deadline in the site's zone, e.g. "2026-12-01 12:00". */
  deadlineLocal: string | null;
  visibility: BidVisibility;
  source: BidSource;
  leadName: string | null;
  team: string[];
  skills: string[];
  /** Overdue tasks and a deadline within 7 days, in words. */
  attention: string[];
  /** The caller's own place on the team, if any: an invitation waiting for their answer shows. */
  myPlace: PlaceStatus | null;
}

export interface Bid extends BidSummary {
  description: string;
  deliveryStart: string | null;
  deliveryEnd: string | null;
  sourceMemberId: string | null;
  sourceMemberName: string | null;
  sourceNote: string;
  leadMemberId: string | null;
  lessons: string;
  neededSkills: { tag: string; days: number }[];
  members: BidTeamMember[];
  tasks: BidTask[];
  activity: BidActivity[];
  documents: BidDocument[];
  goDecided: boolean;
  /** What stops submission (shares, answers, lead); empty when ready. */
  submissionProblems: string[];
  nextStages: BidStage[];
  /** What the caller may do: edit (team or manager), answer an invitation. */
  canEdit: boolean;
  canRespond: boolean;
}

export interface MemberOutcome {
  memberId: string;
  name: string;
  joined: number;
  won: number;
  lost: number;
  winRate: number | null;
  valueWon: number;
  revenueEarned: number;
}

export interface BidOutcomes {
  currency: string;
  coop: { bids: number; submitted: number; won: number; lost: number; withdrawn: number; winRate: number | null; valueWon: number };
  pipeline: { stage: BidStage; count: number; value: number }[];
  members: MemberOutcome[];
  /** Bids in another currency than the co-op's are counted but not added into the values. */
  otherCurrencies: number;
}

export interface BidAttention {
  bidId: string;
  title: string;
  items: string[];
}

const bidId = z.object({ id });

export const bidsContract = contractPart('bids', 'Joint bids', ['bids.changed'], {
  'bids.list': query<BidSummary[]>()(bidListQuery, 'member'),
  'bids.get': query<Bid>()(byId, 'member'),
  'bids.create': command<Bid>()(bidFields, 'member', { audit: 'opened the joint bid' }),
  'bids.update': command<Bid>()(z.intersection(bidId, bidFields), 'member', { audit: 'edited the joint bid' }),
  'bids.move': command<Bid>()(
    bidId.extend({
      to: z.enum(BID_STAGES, { error: 'Choose a stage' }),
      note: z.string().trim().max(2000, 'Too long').default(''),
      finalValue: money('final value').optional(),
    }),
    'member',
    { audit: 'moved the joint bid' },
  ),
  'bids.decide': command<Bid>()(
    bidId.extend({
      decision: z.enum(['go', 'no-go'], { error: 'Go or no-go' }),
      agreedBy: z.array(id).min(1, 'Tick who agreed').max(200),
      note: z.string().trim().max(2000, 'Too long').default(''),
    }),
    'member',
    { audit: 'recorded a go / no-go on' },
  ),
  'bids.suggestTeam': query<TeamSuggestion>()(bidId, 'member'),
  'bids.invite': command<Bid>()(bidId.extend({ memberIds: z.array(id).min(1, 'Choose someone to invite').max(50) }), 'member', {
    audit: 'invited a member to',
  }),
  'bids.respond': command<Bid>()(bidId.extend({ memberId: id, answer: z.enum(['accept', 'decline']) }), 'member', { audit: 'answered an invitation to' }),
  /** A member offers to join an open bid; the team accepts or declines the offer. */
  'bids.offerToJoin': command<Bid>()(bidId, 'member', { audit: 'offered to join' }),
  'bids.answerOffer': command<Bid>()(bidId.extend({ memberId: id, answer: z.enum(['accept', 'decline']) }), 'member', { audit: 'answered an offer to join' }),
  'bids.setTeam': command<Bid>()(
    bidId.extend({
      leadMemberId: id.nullable(),
      members: z
        .array(z.object({ memberId: id, role: z.string().trim().max(120, 'Role is too long').default(''), workShare: share, revenueShare: share }))
        .max(50),
    }),
    'member',
    { audit: 'changed the team of' },
  ),
  'bids.removeMember': command<Bid | null>()(bidId.extend({ memberId: id }), 'member', { audit: 'took a member off' }),
  'bids.addTask': command<Bid>()(
    bidId.extend({
      title: z.string({ error: 'Say what needs doing' }).trim().min(1, 'Say what needs doing').max(300, 'Too long'),
      ownerMemberId: id.nullable().default(null),
      dueDate: isoDate.nullable().default(null),
    }),
    'member',
    { audit: 'added a task to' },
  ),
  'bids.setTaskDone': command<Bid>()(z.object({ taskId: id, done: z.boolean() }), 'member', { audit: 'ticked a task of' }),
  'bids.removeTask': command<Bid>()(z.object({ taskId: id }), 'member', { audit: 'removed a task from' }),
  'bids.note': command<Bid>()(
    bidId.extend({
      kind: z.enum(['note', 'decision']).default('note'),
      text: z.string({ error: 'Write the note' }).trim().min(1, 'Write the note').max(5000, 'Too long'),
    }),
    'member',
    { audit: 'wrote a note on' },
  ),
  'bids.outcome': command<Bid>()(
    bidId.extend({ finalValue: money('final value').nullable(), lessons: z.string().trim().max(10_000, 'Too long').default('') }),
    'member',
    { audit: 'recorded the outcome of' },
  ),
  'bids.attach': command<Bid>()(
    bidId.extend({
      name: z.string({ error: 'Name the file' }).trim().min(1, 'Name the file').max(200, 'File name is too long'),
      // base64 of at most 10 MB
      content: z
        .string()
        .max(14_000_000, 'A document is at most 10 MB')
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not a file’s content'),
    }),
    'member',
    { audit: 'attached a document to', maxBody: 16 * 1024 * 1024 },
  ),
  'bids.openDocument': query<{ name: string; opened: boolean; content?: string }>()(byId, 'member'),
  'bids.removeDocument': command<Bid>()(byId, 'member', { audit: 'removed a document from' }),
  'bids.outcomes': query<BidOutcomes>()(empty, 'member'),
  'bids.attention': query<BidAttention[]>()(empty, 'member'),
});
