import * as z from 'zod';
import { type Count, DECISION_CHOICES, type Outcome, PROPOSAL_KINDS, type ProposalKind, THRESHOLDS, type Threshold } from '../domain/governance';
import { command, contractPart, query } from './common';
import { byId, clockTime, empty, id, isoDate } from './fields';
import type { MemberRef } from './network.contract';

/** Co-op governance: proposals, ballots (open or secret), proxies, guardians, the decision register and the rules. */

export type ProposalState = 'discussion' | 'voting' | 'closed' | 'withdrawn';

export interface ProposalSummary {
  id: string;
  /** The register's number: P-12. */
  number: number;
  title: string;
  kind: ProposalKind;
  state: ProposalState;
  proposer: MemberRef | null;
  secret: boolean;
  quorumPct: number;
  threshold: Threshold;
  opensAt: string;
  closesAt: string;
  /** Frozen when voting opened (null before). */
  eligible: number | null;
  voted: number;
  outcome: Outcome | null;
  /** Whether the viewer may vote on it (eligible, voting open), and whether they did. */
  mayVote: boolean;
  iVoted: boolean;
}

export interface ProposalOption {
  id: string;
  label: string;
  /** An election's candidate. */
  member: MemberRef | null;
}

export interface ProposalComment {
  id: string;
  author: MemberRef | null;
  body: string;
  /** A proposed new text of the proposal, and what the proposer said to it. */
  amendment: string | null;
  amendmentState: 'open' | 'accepted' | 'declined' | null;
  at: string;
}

export interface ProposalDetail extends ProposalSummary {
  body: string;
  /** A change to the rules: the whole new text of the rules. */
  rulesText: string | null;
  seats: number;
  maxChoices: number;
  /** An election whose elected become the co-op's guardians. */
  electsGuardians: boolean;
  options: ProposalOption[];
  comments: ProposalComment[];
  referrals: { guardian: MemberRef; reasons: string; at: string; from: Threshold; to: Threshold }[];
  /** The viewer's own ballot while voting is open (a secret one too: only they see it), and those they may vote for by proxy. */
  myChoices: string[] | null;
  proxyFor: { member: MemberRef; voted: 'no' | 'by me' | 'in person' }[];
  /** Counted when voting closed; final. */
  result: (Count & { labels: Record<string, string>; proxies: { holder: MemberRef; for: MemberRef }[] }) | null;
  mayManage: boolean;
  mayRefer: boolean;
}

/** One owner on a frozen voter list; a member not listed in the directory is unnamed to other members. */
export interface Voter {
  member: MemberRef | null;
  voted: boolean;
  byProxy: MemberRef | null;
}

export interface Proxy {
  id: string;
  grantor: MemberRef;
  holder: MemberRef;
  /** One proposal, or every proposal until revoked. */
  proposal: { id: string; number: number; title: string } | null;
  since: string;
  revokedAt: string | null;
}

export interface RegisterEntry {
  id: string;
  number: number;
  title: string;
  kind: ProposalKind;
  outcome: Outcome;
  closedAt: string;
  voted: number;
  eligible: number;
  /** In words: "Passed: 14 yes, 3 no, 1 abstain" or "Elected: Ana Ribeiro, Ben Okafor". */
  summary: string;
}

export interface RulesVersion {
  version: number;
  text: string;
  adoptedAt: string;
  proposal: { id: string; number: number; title: string } | null;
}

export interface GovernanceSettings {
  quorumPct: number;
  threshold: Threshold;
  /** How many other owners one owner may vote for by proxy. */
  proxyCap: number;
  /** Whether paused members, who are still owners, may vote. */
  pausedMayVote: boolean;
  /** How long voting stays open by default. */
  votingDays: number;
}

const text = (max: number, label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `Too long (at most ${max} characters)`);
const window = {
  opensDate: isoDate,
  opensTime: clockTime,
  closesDate: isoDate,
  closesTime: clockTime,
};
const windowOrder = (w: { opensDate: string; opensTime: string; closesDate: string; closesTime: string }) =>
  `${w.opensDate}T${w.opensTime}` < `${w.closesDate}T${w.closesTime}`;

export const proposalInput = z
  .object({
    title: text(160, 'a title'),
    body: text(20_000, 'what is proposed'),
    kind: z.enum(PROPOSAL_KINDS, { error: 'A decision, a poll, an election or a change to the rules' }),
    secret: z.boolean().default(false),
    /** Empty: the co-op's rules decide. */
    quorumPct: z.number({ error: 'Enter a share' }).int('Whole per cent').min(1, 'At least 1%').max(100, 'At most 100%').nullable().default(null),
    threshold: z.enum(THRESHOLDS, { error: 'Majority, two thirds or consensus' }).nullable().default(null),
    options: z.array(text(160, 'the option')).max(20, 'At most 20 options').default([]),
    candidateIds: z.array(id).max(30, 'At most 30 candidates').default([]),
    seats: z.number().int().min(1, 'At least one seat').max(20, 'At most 20 seats').default(1),
    maxChoices: z.number().int().min(1, 'At least one choice').max(20).default(1),
    electsGuardians: z.boolean().default(false),
    rulesText: z.string().trim().max(50_000, 'Too long (at most 50,000 characters)').default(''),
    ...window,
  })
  .refine(windowOrder, { message: 'Voting must close after it opens', path: ['closesDate'] })
  .refine((p) => p.kind !== 'poll' || p.options.length >= 2, { message: 'A poll needs at least two options', path: ['options'] })
  .refine((p) => p.kind !== 'poll' || p.maxChoices <= p.options.length, { message: 'At most as many choices as options', path: ['maxChoices'] })
  .refine((p) => p.kind !== 'poll' || new Set(p.options.map((o) => o.toLowerCase())).size === p.options.length, {
    message: 'Each option once',
    path: ['options'],
  })
  .refine((p) => p.kind !== 'election' || p.candidateIds.length >= 1, { message: 'Name at least one candidate', path: ['candidateIds'] })
  .refine((p) => p.kind !== 'election' || new Set(p.candidateIds).size === p.candidateIds.length, { message: 'Each candidate once', path: ['candidateIds'] })
  .refine((p) => p.kind !== 'rules' || p.rulesText !== '', { message: 'Write the new text of the rules', path: ['rulesText'] })
  .refine((p) => p.kind !== 'rules' || p.threshold !== 'majority', { message: 'A change to the rules needs two thirds or consensus', path: ['threshold'] })
  .refine((p) => !p.electsGuardians || p.kind === 'election', { message: 'Only an election elects guardians', path: ['electsGuardians'] });
export type ProposalInput = z.output<typeof proposalInput>;

export const RECEIPT_PATTERN = /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/;

export const governanceContract = contractPart('governance', 'Governance', ['governance.changed', 'members.changed'], {
  'governance.list': query<ProposalSummary[]>()(empty, 'member'),
  'governance.get': query<ProposalDetail>()(byId, 'member'),
  'governance.create': command<ProposalDetail>()(proposalInput, 'member', { audit: 'made a proposal' }),
  /** The proposer (or the desk) changes the text and the window while it is discussed; never after voting opens. */
  'governance.update': command<ProposalDetail>()(
    z
      .object({ id, title: text(160, 'a title'), body: text(20_000, 'what is proposed'), rulesText: z.string().trim().max(50_000).default(''), ...window })
      .refine(windowOrder, { message: 'Voting must close after it opens', path: ['closesDate'] }),
    'member',
    { audit: 'changed a proposal' },
  ),
  'governance.comment': command<ProposalDetail>()(
    z.object({
      proposalId: id,
      body: text(5000, 'a comment'),
      /** A proposed new text of the proposal. */
      amendment: z.string().trim().max(20_000, 'Too long (at most 20,000 characters)').default(''),
    }),
    'member',
    { audit: 'commented on a proposal' },
  ),
  'governance.answerAmendment': command<ProposalDetail>()(z.object({ commentId: id, accept: z.boolean() }), 'member', {
    audit: 'answered an amendment to a proposal',
  }),
  'governance.openVoting': command<ProposalDetail>()(byId, 'member', { audit: 'opened voting on a proposal' }),
  'governance.withdraw': command<ProposalDetail>()(byId, 'member', { audit: 'withdrew a proposal' }),
  /** A guardian refers a proposal that would change the co-op's purpose: its threshold goes up one step. */
  'governance.refer': command<ProposalDetail>()(z.object({ id, reasons: text(2000, 'the reasons') }), 'member', {
    audit: 'referred a proposal to a higher threshold',
  }),
  /** One owner, one vote: for themselves, or for an owner who appointed them as proxy. A secret ballot answers with its receipt. */
  'governance.vote': command<{ voterId: string; choices: string[]; receipt: string | null }>()(
    z.object({
      proposalId: id,
      choices: z.array(z.string().trim().min(1).max(64)).min(1, 'Choose').max(30),
      forMemberId: id.nullable().default(null),
    }),
    'member',
    { audit: 'voted', secretAnswer: true },
  ),
  /** After the count: is the ballot with this receipt in it, and as what. */
  'governance.checkReceipt': query<{ found: boolean; choices: string[] }>()(
    z.object({ proposalId: id, receipt: z.string().trim().toUpperCase().regex(RECEIPT_PATTERN, 'A receipt looks like ABCD-EFGH-JKLM') }),
    'member',
  ),
  /** Who may vote, frozen when voting opened, with who voted (never what): a page of them. */
  'governance.voters': query<{ total: number; rows: Voter[] }>()(
    z.object({ proposalId: id, limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) }),
    'member',
  ),
  'governance.proxies': query<Proxy[]>()(empty, 'member'),
  'governance.appointProxy': command<Proxy[]>()(
    z.object({ holderId: id, proposalId: id.nullable().default(null), grantorId: id.nullable().default(null) }),
    'member',
    { audit: 'appointed a proxy' },
  ),
  'governance.revokeProxy': command<Proxy[]>()(byId, 'member', { audit: 'revoked a proxy' }),
  'governance.register': query<RegisterEntry[]>()(empty, 'member'),
  'governance.rules': query<RulesVersion[]>()(empty, 'member'),
  'governance.settings': query<GovernanceSettings>()(empty, 'member'),
  'governance.saveSettings': command<GovernanceSettings>()(
    z.object({
      quorumPct: z.number({ error: 'Enter a share' }).int('Whole per cent').min(1, 'At least 1%').max(100, 'At most 100%'),
      threshold: z.enum(THRESHOLDS, { error: 'Majority, two thirds or consensus' }),
      proxyCap: z.number({ error: 'Enter a number' }).int('A whole number').min(0, 'Cannot be negative').max(10, 'At most 10'),
      pausedMayVote: z.boolean(),
      votingDays: z.number({ error: 'Enter days' }).int('Whole days').min(1, 'At least a day').max(60, 'At most 60 days'),
    }),
    'manager',
    { audit: 'changed the co-op’s voting rules' },
  ),
});

export { DECISION_CHOICES };
