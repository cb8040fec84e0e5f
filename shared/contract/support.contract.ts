import * as z from 'zod';
import {
  CHECKIN_KINDS,
  HELP_HOW,
  HELP_KINDS,
  type CheckinKind,
  type CommitmentState,
  type HelpHow,
  type HelpKind,
  type HelpState,
  type RouteTier,
} from '../domain/support';
import { normalizeTag, uniqueTags } from '../domain/tags';
import { command, contractPart, query } from './common';
import { byId, empty, id, isoDate } from './fields';
import type { MemberRef } from './network.contract';

const tag = z.string({ error: 'Enter a skill' }).trim().min(1, 'Enter a skill').max(60, 'Keep a skill under 60 characters').transform(normalizeTag);
const skills = (max: number) => z.array(tag, { error: 'Skills are a list' }).max(max, `At most ${max} skills`).transform(uniqueTags);
const text = (max: number, label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `Too long (at most ${max} characters)`);
/** A member the desk acts for (null: the caller, a member). */
const forMember = id.nullable().default(null);

export interface HelpRequest {
  id: string;
  asker: MemberRef;
  kind: HelpKind;
  text: string;
  skills: string[];
  hereToday: boolean;
  state: HelpState;
  helper: MemberRef | null;
  how: HelpHow | null;
  askedAt: string;
  claimedAt: string | null;
  resolvedAt: string | null;
  thanks: string | null;
  /** Waited longer than the co-op's limit without a helper: raised to the desk and everyone. */
  raised: boolean;
  /** For the viewer: 1 they offer its skills and are in now, 2 they offer them, 3 anyone may help. */
  forYou: RouteTier;
  /** How many times the helper has helped, all told (derived from resolved requests). */
  helperHelped: number | null;
  /** The desk's Today: members in now who offer its skills (the first few), and how many in all. */
  couldHelp: MemberRef[];
  couldHelpCount: number;
  mayClaim: boolean;
  mayResolve: boolean;
}

export interface HelpBoard {
  /** Open and claimed requests, the viewer's own tier first, then the longest waiting. */
  open: HelpRequest[];
  /** The last ones resolved (the viewer's own, for a member). */
  resolved: HelpRequest[];
  raiseAfterMinutes: number;
}

export interface MentorOffer {
  member: MemberRef;
  skills: string[];
  hoursPerMonth: number;
  spareHours: number;
  note: string;
  active: boolean;
}

export interface MentorRequest {
  member: MemberRef;
  about: string;
  skills: string[];
  active: boolean;
  /** Since when the request waits with no pair agreed (null: it has one). */
  waitingSince: string | null;
}

export interface MentorSuggestion {
  mentor: MemberRef;
  mentee: MemberRef;
  skills: string[];
  reason: string;
  spareHours: number;
}

export type PairState = 'proposed' | 'active' | 'declined' | 'ended';

export interface MentorPair {
  id: string;
  mentor: MemberRef;
  mentee: MemberRef;
  about: string;
  hoursPerMonth: number;
  startsOn: string;
  endsOn: string;
  state: PairState;
  endedOn: string | null;
  meetings: number;
  lastMet: string | null;
  /** Whether the viewer is asked to agree (proposed, their side has not agreed). */
  mayAgree: boolean;
  /** Whether the viewer is one of the pair (they log meetings, read the notes, may end it). */
  inPair: boolean;
}

export interface Mentoring {
  myOffer: MentorOffer | null;
  myRequest: MentorRequest | null;
  pairs: MentorPair[];
  suggestions: MentorSuggestion[];
  /** The desk: requests waiting for a mentor, and mentors with spare time. */
  waiting: MentorRequest[];
  capacity: MentorOffer[];
}

export interface Meeting {
  id: string;
  onDate: string;
  minutes: number;
  notes: string;
  by: MemberRef;
}

export interface Checkin {
  kind: CheckinKind;
  note: string;
  onDate: string;
}

export interface Commitment {
  id: string;
  owner: MemberRef;
  text: string;
  dueOn: string;
  state: CommitmentState;
  partners: MemberRef[];
  checkins: Checkin[];
  mine: boolean;
}

export interface Commitments {
  mine: Commitment[];
  /** Commitments members asked the viewer to hold them to. */
  partnering: Commitment[];
  /** The viewer's record, kept out of closed, by month (last 12 months). */
  kept: { kept: number; closed: number; byMonth: { month: string; kept: number; closed: number }[] };
}

export interface SupportSettings {
  /** After how long an unclaimed request is raised to the desk and everyone. */
  raiseAfterMinutes: number;
}

export interface SupportSummary {
  helped: number;
  asked: number;
  mentoring: number;
  mentored: number;
}

export const supportContract = contractPart('support', 'Mutual support', ['support.changed', 'frontdesk.changed', 'members.changed'], {
  'support.board': query<HelpBoard>()(empty, 'member'),
  'support.ask': command<HelpRequest & { told: number }>()(
    z.object({
      askerId: forMember,
      kind: z.enum(HELP_KINDS, { error: 'A quick question or hands-on help' }),
      text: text(500, 'what you need help with'),
      skills: skills(6).default([]),
      hereToday: z.boolean().default(false),
    }),
    'member',
    { audit: 'asked for help' },
  ),
  'support.claim': command<HelpRequest>()(byId.extend({ helperId: forMember, how: z.enum(HELP_HOW, { error: 'Say how you will help' }) }), 'member', {
    audit: 'offered to help',
  }),
  'support.resolve': command<HelpRequest>()(byId.extend({ thanks: z.string().trim().max(300, 'Keep the thanks under 300 characters').default('') }), 'member', {
    audit: 'marked a help request resolved',
  }),
  'support.summary': query<SupportSummary>()(z.object({ memberId: id }), 'member'),

  'support.mentoring': query<Mentoring>()(empty, 'member'),
  'support.offerMentoring': command<MentorOffer>()(
    z.object({
      memberId: forMember,
      skills: skills(12).refine((s) => s.length > 0, 'Name at least one skill you mentor in'),
      hoursPerMonth: z.number({ error: 'Enter hours a month' }).int('Whole hours').min(1, 'At least an hour a month').max(40, 'At most 40 hours a month'),
      note: z.string().trim().max(500, 'Too long (at most 500 characters)').default(''),
      active: z.boolean().default(true),
    }),
    'member',
    { audit: 'offered to mentor' },
  ),
  'support.askMentor': command<MentorRequest>()(
    z.object({ memberId: forMember, about: text(500, 'what you would like a mentor for'), skills: skills(12).default([]), active: z.boolean().default(true) }),
    'member',
    { audit: 'asked for a mentor' },
  ),
  'support.proposePair': command<MentorPair>()(
    z
      .object({
        mentorId: id,
        menteeId: id,
        about: text(300, 'what the mentoring is about'),
        hoursPerMonth: z
          .number({ error: 'Enter hours a month' })
          .int('Whole hours')
          .min(1, 'At least an hour a month')
          .max(40, 'At most 40 hours a month')
          .default(1),
        startsOn: isoDate,
        endsOn: isoDate,
      })
      .refine((v) => v.mentorId !== v.menteeId, { message: 'A mentor pair is two different members', path: ['menteeId'] })
      .refine((v) => v.endsOn > v.startsOn, { message: 'The end comes after the start', path: ['endsOn'] }),
    'member',
    { audit: 'proposed a mentor pair' },
  ),
  'support.answerPair': command<MentorPair>()(byId.extend({ answer: z.enum(['agree', 'decline'], { error: 'Agree or decline' }) }), 'member', {
    audit: 'answered a mentor pair',
  }),
  'support.endPair': command<MentorPair>()(byId.extend({ onDate: isoDate }), 'member', { audit: 'ended a mentor pair' }),
  'support.meetings': query<Meeting[]>()(z.object({ pairId: id }), 'member'),
  'support.logMeeting': command<Meeting>()(
    z.object({
      pairId: id,
      onDate: isoDate,
      minutes: z.number({ error: 'Enter the minutes' }).int('Whole minutes').min(5, 'At least 5 minutes').max(600, 'At most 10 hours'),
      notes: z.string().trim().max(2000, 'Too long (at most 2,000 characters)').default(''),
    }),
    'member',
    { audit: 'logged a mentoring meeting' },
  ),

  'support.commitments': query<Commitments>()(empty, 'member'),
  'support.commit': command<Commitment>()(
    z.object({
      text: text(300, 'what you will do'),
      dueOn: isoDate,
      partnerIds: z.array(id, { error: 'Choose who holds you to it' }).min(1, 'Choose at least one partner').max(8, 'At most 8 partners'),
    }),
    'member',
    { audit: 'made a commitment' },
  ),
  'support.checkIn': command<Commitment>()(
    byId.extend({
      kind: z.enum(CHECKIN_KINDS, { error: 'Done, progress or missed' }),
      note: z.string().trim().max(500, 'Too long (at most 500 characters)').default(''),
    }),
    'member',
    { audit: 'checked in on a commitment' },
  ),

  'support.settings': query<SupportSettings>()(empty, 'member'),
  'support.saveSettings': command<SupportSettings>()(
    z.object({ raiseAfterMinutes: z.number({ error: 'Enter minutes' }).int('Whole minutes').min(5, 'At least 5 minutes').max(1440, 'At most a day') }),
    'manager',
    { audit: 'changed when help requests are raised' },
  ),
});
