import type { ProposalInput } from '@shared/contract/governance.contract';
import { todayIn } from '@shared/domain/dates';
import { addDaysIso } from '@shared/domain/zoned';
import { type Ctx, FRONT_DESK } from '../../context';
import { hasRows } from '../../db/tables';
import { ownersAmong } from '../members';
import { readCoop } from '../settings';
import { appoint } from './proxies.service';
import { comment, create } from './proposals.service';
import * as repo from './governance.repository';
import { tick } from './results.service';
import { openVoting, vote } from './voting.service';

const DAY = 24 * 3600_000;
/** What a proposal of the demo leaves to the co-op's rules. */
const DEFAULTS: Omit<ProposalInput, 'title' | 'body' | 'kind' | 'opensDate' | 'opensTime' | 'closesDate' | 'closesTime'> = {
  secret: false,
  quorumPct: null,
  threshold: null,
  options: [],
  candidateIds: [],
  seats: 1,
  maxChoices: 1,
  electsGuardians: false,
  rulesText: '',
};

export const FOUNDING_RULES = `1. The co-op is owned by the people who work in it. Anyone who has been a member for 14 months is an owner.
2. One owner, one vote. No owner is more important than any other.
3. Costs are kept at cost: the co-op makes no profit from its members.
4. Guardians, elected by the owners, see that what we build together does not drift from this purpose.
5. These rules change only by a proposal passed by two thirds of those voting, with a quorum of half the owners.`;

/**
 * The demo co-op's governance: its founding rules, a change to them passed last month (so the
 * register and the rules' history have something in them), a poll being voted on now with one
 * owner voting by proxy, and a decision still discussed with an amendment waiting.
 */
export async function seedGovernance(ctx: Ctx): Promise<void> {
  if (await hasRows(ctx.db, 'proposals')) return;
  const owners = await ownersAmong(ctx, ctx.db, { pausedMayVote: false });
  if (owners.length < 8) return;
  const as = (id: string) => ({ role: 'member' as const, memberId: id });
  const now = ctx.now().getTime();
  const zone = (await readCoop(ctx.db)).timeZone;
  const dateAt = (ms: number) => todayIn(zone, new Date(ms));
  const at = (ms: number): Ctx => Object.create(ctx, { now: { value: () => new Date(ms) } }) as Ctx;

  await repo.adoptRules(ctx.db, { text: FOUNDING_RULES, proposal_id: null, adopted_at: now - 400 * DAY });

  // last month: a change to the rules, discussed, voted on and passed
  const past = at(now - 30 * DAY);
  const change = await create(past, as(owners[0]!), {
    title: 'Members who pause keep their vote',
    body: 'A member who pauses for a holiday or parental leave is still an owner, and should keep their vote.',
    kind: 'rules',
    ...DEFAULTS,
    rulesText: `${FOUNDING_RULES}\n6. A member who pauses keeps their vote while paused.`,
    opensDate: dateAt(now - 29 * DAY),
    opensTime: '09:00',
    closesDate: dateAt(now - 23 * DAY),
    closesTime: '18:00',
  });
  await comment(past, as(owners[1]!), { proposalId: change.id, body: 'Agreed: a pause is not leaving.', amendment: '' });
  await openVoting(past, as(owners[0]!), change.id);
  // those who were owners then
  for (const [i, o] of (await ownersAmong(past, ctx.db, { pausedMayVote: false })).entries()) {
    if (i % 5 === 4) continue; // a few did not vote
    await vote(at(now - 28 * DAY), as(o), { proposalId: change.id, choices: [i % 7 === 3 ? 'no' : i % 9 === 2 ? 'abstain' : 'yes'], forMemberId: null });
  }
  await tick(at(now - 22 * DAY));

  // now: a poll being voted on, secret, one owner voting by proxy
  const today = todayIn(zone, ctx.now());
  const poll = await create(ctx, FRONT_DESK, {
    title: 'Which evening for the Stammtisch?',
    body: 'The Stammtisch moves to one fixed evening a month. Choose the evening that suits you.',
    kind: 'poll',
    ...DEFAULTS,
    secret: true,
    quorumPct: 30,
    options: ['Tuesday', 'Wednesday', 'Thursday'],
    opensDate: addDaysIso(today, 1),
    opensTime: '09:00',
    closesDate: addDaysIso(today, 6),
    closesTime: '18:00',
  });
  await appoint(ctx, as(owners[3]!), { holderId: owners[2]!, proposalId: null, grantorId: null });
  await openVoting(ctx, FRONT_DESK, poll.id);
  for (const [i, o] of owners.slice(4, 12).entries()) await vote(ctx, as(o), { proposalId: poll.id, choices: [poll.options[i % 3]!.id], forMemberId: null });
  await vote(ctx, as(owners[2]!), { proposalId: poll.id, choices: [poll.options[2]!.id], forMemberId: owners[3]! });

  // a decision still discussed, with an amendment waiting for the proposer
  const coffee = await create(ctx, as(owners[4]!), {
    title: 'A second coffee machine, at cost',
    body: 'Buy a second coffee machine for the kitchen and share its cost equally among members over six months.',
    kind: 'decision',
    ...DEFAULTS,
    opensDate: addDaysIso(today, 7),
    opensTime: '09:00',
    closesDate: addDaysIso(today, 14),
    closesTime: '18:00',
  });
  await comment(ctx, as(owners[5]!), {
    proposalId: coffee.id,
    body: 'Share it by use rather than equally: not everyone drinks coffee.',
    amendment: 'Buy a second coffee machine for the kitchen and share its cost among members by their days in over six months.',
  });
}
