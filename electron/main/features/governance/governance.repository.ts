import { type Kysely, sql } from 'kysely';
import { insertChunked } from '../../db/chunks';
import type { DB } from '../../db/schema';
import type {
  CoopRulesTable,
  GovernanceSettingsTable,
  ProposalCommentsTable,
  ProposalOptionsTable,
  ProposalReferralsTable,
  ProposalsTable,
  ProxiesTable,
} from './governance.tables';

// ── proposals ────────────────────────────────────────────────────────────────

export const find = (db: Kysely<DB>, id: string) => db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
export const all = (db: Kysely<DB>) => db.selectFrom('proposals').selectAll().orderBy('number', 'desc').execute();
export const closed = (db: Kysely<DB>) => db.selectFrom('proposals').selectAll().where('state', '=', 'closed').orderBy('closed_at', 'desc').execute();

/** The next number in the register: read inside the transaction that inserts it (BEGIN IMMEDIATE holds the lock). */
export const nextNumber = async (db: Kysely<DB>) =>
  Number(
    (
      await db
        .selectFrom('proposals')
        .select(sql<number>`coalesce(max(number), 0) + 1`.as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

export const insert = (db: Kysely<DB>, row: ProposalsTable) => db.insertInto('proposals').values(row).execute();
export const update = (db: Kysely<DB>, id: string, set: Partial<ProposalsTable>) => db.updateTable('proposals').set(set).where('id', '=', id).execute();

export const due = (db: Kysely<DB>, state: 'discussion' | 'voting', field: 'opens_at' | 'closes_at', now: number) =>
  db.selectFrom('proposals').selectAll().where('state', '=', state).where(field, '<=', now).execute();

/** Proposals whose opening (voting, announced 0) or result (closed, announced < 2) owners have not been told of. */
export const unannounced = (db: Kysely<DB>) =>
  db
    .selectFrom('proposals')
    .selectAll()
    .where((eb) => eb.or([eb.and([eb('state', '=', 'voting'), eb('announced', '=', 0)]), eb.and([eb('state', '=', 'closed'), eb('announced', '<', 2)])]))
    .execute();

export const closingSoon = (db: Kysely<DB>, now: number, within: number) =>
  db
    .selectFrom('proposals')
    .selectAll()
    .where('state', '=', 'voting')
    .where('reminded_at', 'is', null)
    .where('closes_at', '>', now)
    .where('closes_at', '<=', now + within)
    .execute();

// ── options, comments, referrals ─────────────────────────────────────────────

export const options = (db: Kysely<DB>, proposalId: string) =>
  db.selectFrom('proposal_options').selectAll().where('proposal_id', '=', proposalId).orderBy('position').execute();
export const insertOptions = async (db: Kysely<DB>, rows: ProposalOptionsTable[]) => {
  if (rows.length > 0) await db.insertInto('proposal_options').values(rows).execute();
};

export const comments = (db: Kysely<DB>, proposalId: string) =>
  db.selectFrom('proposal_comments').selectAll().where('proposal_id', '=', proposalId).orderBy('created_at').orderBy('id').execute();
export const comment = (db: Kysely<DB>, id: string) => db.selectFrom('proposal_comments').selectAll().where('id', '=', id).executeTakeFirst();
export const insertComment = (db: Kysely<DB>, row: ProposalCommentsTable) => db.insertInto('proposal_comments').values(row).execute();
export const answerComment = (db: Kysely<DB>, id: string, state: 'accepted' | 'declined') =>
  db.updateTable('proposal_comments').set({ amendment_state: state }).where('id', '=', id).execute();

export const referrals = (db: Kysely<DB>, proposalId: string) =>
  db.selectFrom('proposal_referrals').selectAll().where('proposal_id', '=', proposalId).orderBy('created_at').execute();
export const insertReferral = (db: Kysely<DB>, row: ProposalReferralsTable) => db.insertInto('proposal_referrals').values(row).execute();

// ── voters and ballots ───────────────────────────────────────────────────────

export const freezeVoters = (db: Kysely<DB>, proposalId: string, memberIds: readonly string[]): Promise<void> =>
  insertChunked(
    db,
    'proposal_voters',
    memberIds.map((member_id) => ({ proposal_id: proposalId, member_id, voted_at: null, cast_by: null })),
  );

export const voters = (db: Kysely<DB>, proposalId: string) => db.selectFrom('proposal_voters').selectAll().where('proposal_id', '=', proposalId).execute();
export const voter = (db: Kysely<DB>, proposalId: string, memberId: string) =>
  db.selectFrom('proposal_voters').selectAll().where('proposal_id', '=', proposalId).where('member_id', '=', memberId).executeTakeFirst();
export const markVoted = (db: Kysely<DB>, proposalId: string, memberId: string, castBy: string, at: number) =>
  db.updateTable('proposal_voters').set({ voted_at: at, cast_by: castBy }).where('proposal_id', '=', proposalId).where('member_id', '=', memberId).execute();

/** How many ballots `holder` has cast for others on a proposal (the proxy cap). */
export const castForOthers = async (db: Kysely<DB>, proposalId: string, holder: string) =>
  Number(
    (
      await db
        .selectFrom('proposal_voters')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('proposal_id', '=', proposalId)
        .where('cast_by', '=', holder)
        .where('member_id', '!=', holder)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Per proposal, how many voted and whether each viewer did. */
export async function turnout(db: Kysely<DB>, ids: readonly string[], viewer: string | null) {
  if (ids.length === 0) return new Map<string, { voted: number; mine: 'no' | 'voted' | null }>();
  const rows = await db
    .selectFrom('proposal_voters')
    .select(['proposal_id'])
    .select((eb) => [
      eb.fn.count<number>('voted_at').as('voted'),
      eb.fn
        .max(
          eb
            .case()
            .when('member_id', '=', viewer ?? '')
            .then(eb.case().when('voted_at', 'is not', null).then(2).else(1).end())
            .else(0)
            .end(),
        )
        .as('mine'),
    ])
    .where('proposal_id', 'in', ids)
    .groupBy('proposal_id')
    .execute();
  return new Map(
    rows.map((r) => [r.proposal_id, { voted: Number(r.voted), mine: Number(r.mine) === 2 ? 'voted' : Number(r.mine) === 1 ? 'no' : null } as const]),
  );
}

export const openBallot = (db: Kysely<DB>, proposalId: string, voterId: string) =>
  db.selectFrom('ballots').select('choices').where('proposal_id', '=', proposalId).where('voter_id', '=', voterId).executeTakeFirst();
export const putBallot = (db: Kysely<DB>, proposalId: string, voterId: string, choices: string) =>
  db
    .insertInto('ballots')
    .values({ proposal_id: proposalId, voter_id: voterId, choices })
    .onConflict((oc) => oc.columns(['proposal_id', 'voter_id']).doUpdateSet({ choices }))
    .execute();

export const secretLink = (db: Kysely<DB>, proposalId: string, voterId: string) =>
  db.selectFrom('secret_links').select('receipt').where('proposal_id', '=', proposalId).where('voter_id', '=', voterId).executeTakeFirst();
export const secretBallot = (db: Kysely<DB>, proposalId: string, receipt: string) =>
  db.selectFrom('secret_ballots').select('choices').where('proposal_id', '=', proposalId).where('receipt', '=', receipt).executeTakeFirst();

/** A secret ballot replaces the voter's earlier one: the link moves to the new receipt, and the old ballot goes. */
export async function putSecretBallot(db: Kysely<DB>, proposalId: string, voterId: string, receipt: string, choices: string): Promise<void> {
  const before = await secretLink(db, proposalId, voterId);
  await db.insertInto('secret_ballots').values({ receipt, proposal_id: proposalId, choices }).execute();
  if (before) {
    await db.updateTable('secret_links').set({ receipt }).where('proposal_id', '=', proposalId).where('voter_id', '=', voterId).execute();
    await db.deleteFrom('secret_ballots').where('receipt', '=', before.receipt).execute();
  } else await db.insertInto('secret_links').values({ proposal_id: proposalId, voter_id: voterId, receipt }).execute();
}

export const dropSecretLinks = (db: Kysely<DB>, proposalId: string) => db.deleteFrom('secret_links').where('proposal_id', '=', proposalId).execute();

/** Every ballot's choices, for the count (open or secret). */
export async function ballotChoices(db: Kysely<DB>, proposalId: string, secret: boolean): Promise<string[][]> {
  const rows = secret
    ? await db.selectFrom('secret_ballots').select('choices').where('proposal_id', '=', proposalId).execute()
    : await db.selectFrom('ballots').select('choices').where('proposal_id', '=', proposalId).execute();
  return rows.map((r) => JSON.parse(r.choices) as string[]);
}

// ── proxies ──────────────────────────────────────────────────────────────────

export const proxy = (db: Kysely<DB>, id: string) => db.selectFrom('proxies').selectAll().where('id', '=', id).executeTakeFirst();
export const insertProxy = (db: Kysely<DB>, row: ProxiesTable) => db.insertInto('proxies').values(row).execute();
export const revokeProxy = (db: Kysely<DB>, id: string, at: number) => db.updateTable('proxies').set({ revoked_at: at }).where('id', '=', id).execute();

/** Proxies in force that cover `proposalId` (its own, and standing ones), optionally only one side's. */
export function activeProxies(db: Kysely<DB>, proposalId: string | null, side?: { grantor?: string; holder?: string }) {
  let q = db.selectFrom('proxies').selectAll().where('revoked_at', 'is', null);
  q = proposalId ? q.where((eb) => eb.or([eb('proposal_id', 'is', null), eb('proposal_id', '=', proposalId)])) : q.where('proposal_id', 'is', null);
  if (side?.grantor) q = q.where('grantor_id', '=', side.grantor);
  if (side?.holder) q = q.where('holder_id', '=', side.holder);
  return q.execute();
}

/** Proxies in force that someone gave or holds (for their list), or all of them (the desk). */
export function proxiesOf(db: Kysely<DB>, memberId: string | null) {
  let q = db.selectFrom('proxies').selectAll().where('revoked_at', 'is', null);
  if (memberId) q = q.where((eb) => eb.or([eb('grantor_id', '=', memberId), eb('holder_id', '=', memberId)]));
  return q.orderBy('created_at', 'desc').execute();
}

// ── rules and settings ───────────────────────────────────────────────────────

export const rules = (db: Kysely<DB>) => db.selectFrom('coop_rules').selectAll().orderBy('version', 'desc').execute();
export async function adoptRules(db: Kysely<DB>, row: Omit<CoopRulesTable, 'version'>): Promise<number> {
  const version = Number(
    (
      await db
        .selectFrom('coop_rules')
        .select(sql<number>`coalesce(max(version), 0) + 1`.as('v'))
        .executeTakeFirstOrThrow()
    ).v,
  );
  await db
    .insertInto('coop_rules')
    .values({ ...row, version })
    .execute();
  return version;
}

export const readSettings = (db: Kysely<DB>) => db.selectFrom('governance_settings').selectAll().where('id', '=', 1).executeTakeFirst();
export async function putSettings(db: Kysely<DB>, row: Omit<GovernanceSettingsTable, 'id'>): Promise<void> {
  await db
    .insertInto('governance_settings')
    .values({ id: 1, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}
