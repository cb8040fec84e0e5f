import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ImportReport, Member, MemberSummary, TagCount, TagKind, memberFields, memberListQuery, memberProfile } from '@shared/contract/members.contract';
import { newId } from '@shared/domain/ids';
import { ownershipCutoff, ownershipOf } from '@shared/domain/ownership';
import { normalizeTag } from '@shared/domain/tags';
import { type Actor, type Ctx, isStaff } from '../../context';
import type { DB } from '../../db/schema';
import { reindexAllMembers, reindexMember } from '../../db/search';
import { commit, immediate } from '../../db/tx';
import { AppError, conflictOn, notFound } from '../../errors';
import { ownershipClock } from '../settings';
import { exportMembersCsv, parseMembersCsv } from './csv.format';
import * as repo from './members.repository';

type MemberFields = z.output<typeof memberFields>;
type ListQuery = z.output<typeof memberListQuery>;
type OwnershipClock = { months: number; today: string };

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * What one member may see of another: the front desk and the member themselves see everything;
 * other members see contact details only where the member shares them, and never the desk's notes.
 */
export function asSeenBy<T extends MemberSummary & { notes?: string }>(actor: Actor, member: T): T {
  if (isStaff(actor) || actor.memberId === member.id) return member;
  const hidden = { ...member, ...(member.shareContact ? {} : { email: '', phone: '' }) };
  return 'notes' in member ? { ...hidden, notes: '' } : hidden;
}

function toSummary(row: repo.MemberRow, tags: { offers: string[]; needs: string[] }, clock: OwnershipClock): MemberSummary {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    email: row.email,
    phone: row.phone,
    shareContact: row.share_contact === 1,
    listed: row.listed === 1,
    businessName: row.business_name,
    memberSince: row.member_since,
    status: row.status,
    role: row.role,
    offers: tags.offers,
    needs: tags.needs,
    archivedAt: iso(row.archived_at),
    ownership: ownershipOf({ memberSince: row.member_since, status: row.status, archived: row.archived_at !== null }, clock.months, clock.today),
  };
}

async function loadMember(ctx: Ctx, db: Kysely<DB>, id: string): Promise<Member> {
  const row = await repo.findById(db, id);
  if (!row) throw notFound('The member');
  const tags = (await repo.tagsOf(db, [id])).get(id)!;
  return {
    ...toSummary(row, tags, await ownershipClock(ctx, db)),
    businessDescription: row.business_description,
    website: row.website,
    notes: row.notes,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function columnsOf(input: MemberFields): repo.MemberValues {
  return {
    name: input.name,
    email: input.email,
    phone: input.phone,
    business_name: input.businessName,
    business_description: input.businessDescription,
    website: input.website,
    member_since: input.memberSince,
    status: input.status,
    role: input.role,
    notes: input.notes,
    share_contact: input.shareContact ? 1 : 0,
    listed: input.listed ? 1 : 0,
  };
}

async function assertEmailFree(db: Kysely<DB>, email: string, exceptId?: string): Promise<void> {
  const holder = await repo.findByEmail(db, email);
  if (holder && holder.id !== exceptId) {
    const archived = holder.archived_at !== null ? ' (archived)' : '';
    throw conflictOn('email', `${email} is already the email of ${holder.name}${archived}.`);
  }
}

async function insertNew(ctx: Ctx, trx: Kysely<DB>, input: MemberFields): Promise<string> {
  const now = ctx.now().getTime();
  const id = newId();
  await repo.insertMember(trx, {
    id,
    number: await repo.nextNumber(trx),
    ...columnsOf(input),
    archived_at: null,
    created_at: now,
    updated_at: now,
  });
  await repo.replaceTags(trx, id, input.offers, input.needs);
  return id;
}

/**
 * A page of the register as `viewer` may see it: the front desk, all of it; a member, the
 * directory (current members who chose to be listed, and themselves), not searched by email.
 */
export async function list(ctx: Ctx, query: ListQuery, viewer: Actor): Promise<{ total: number; rows: MemberSummary[] }> {
  const clock = await ownershipClock(ctx);
  const staff = isStaff(viewer);
  const { total, rows } = await repo.list(ctx.db, {
    ...query,
    searchEmail: staff,
    directoryOf: staff ? null : (viewer.memberId ?? ''),
    tag: normalizeTag(query.tag),
    ownershipCutoff: ownershipCutoff(clock.months, clock.today),
  });
  const tags = await repo.tagsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { total, rows: rows.map((r) => toSummary(r, tags.get(r.id)!, clock)) };
}

/** One member as `viewer` may see them: another member finds only those listed in the directory. */
export async function get(ctx: Ctx, id: string, viewer: Actor): Promise<Member> {
  const member = await loadMember(ctx, ctx.db, id);
  if (!isStaff(viewer) && viewer.memberId !== id && (!member.listed || member.archivedAt !== null || member.status === 'left')) throw notFound('The member');
  return asSeenBy(viewer, member);
}

/**
 * A member who may still act in the co-op (book, check in, host a visitor): known, not archived,
 * not left. `field` names the input the refusal belongs to.
 */
export async function currentMember(db: Kysely<DB>, memberId: string, field = 'memberId', unknown = 'That member does not exist.'): Promise<repo.MemberRow> {
  const m = await repo.findById(db, memberId);
  if (!m) throw new AppError('NOT_FOUND', unknown, { [field]: 'Unknown member' });
  if (m.archived_at !== null || m.status === 'left') {
    throw new AppError('RULE', `${m.name} is no longer a member.`, { [field]: 'Not a current member' }, 'members-only');
  }
  return m;
}

export async function create(ctx: Ctx, input: MemberFields): Promise<Member> {
  return commit(ctx, 'members.changed', async (trx) => {
    await assertEmailFree(trx, input.email);
    const id = await insertNew(ctx, trx, input);
    await reindexMember(trx, id);
    return loadMember(ctx, trx, id);
  });
}

export async function update(ctx: Ctx, id: string, input: MemberFields): Promise<Member> {
  return commit(ctx, 'members.changed', async (trx) => {
    if (!(await repo.findById(trx, id))) throw notFound('The member');
    await assertEmailFree(trx, input.email, id);
    await repo.updateMember(trx, id, columnsOf(input), ctx.now().getTime());
    await repo.replaceTags(trx, id, input.offers, input.needs);
    await reindexMember(trx, id);
    return loadMember(ctx, trx, id);
  });
}

/** A member's own profile: what they offer and need, and what other members see of them. */
export async function updateProfile(ctx: Ctx, actor: Actor, input: z.output<typeof memberProfile>): Promise<Member> {
  const id = actor.memberId;
  if (!id) throw new AppError('RULE', 'Sign in as a member to change your profile.', undefined, 'members-only');
  return commit(ctx, 'members.changed', async (trx) => {
    await currentMember(trx, id, 'id');
    const profile = {
      phone: input.phone,
      business_name: input.businessName,
      business_description: input.businessDescription,
      website: input.website,
      share_contact: input.shareContact ? 1 : 0,
      listed: input.listed ? 1 : 0,
    };
    await repo.updateMember(trx, id, profile, ctx.now().getTime());
    await repo.replaceTags(trx, id, input.offers, input.needs);
    await reindexMember(trx, id);
    return loadMember(ctx, trx, id);
  });
}

/** Archiving hides a member from the directory but keeps their history; nobody is hard-deleted. */
export async function setArchived(ctx: Ctx, id: string, archived: boolean): Promise<Member> {
  return commit(ctx, 'members.changed', async (trx) => {
    const row = await repo.findById(trx, id);
    if (!row) throw notFound('The member');
    if ((row.archived_at !== null) !== archived) {
      const now = ctx.now().getTime();
      await repo.setArchived(trx, id, archived ? now : null, now);
    }
    return loadMember(ctx, trx, id);
  });
}

export async function changeTag(ctx: Ctx, input: { id: string; op: 'add' | 'remove'; kind: TagKind; tag: string }): Promise<Member> {
  const tag = normalizeTag(input.tag);
  return commit(ctx, 'members.changed', async (trx) => {
    const row = await repo.findById(trx, input.id);
    if (!row) throw notFound('The member');
    if (input.op === 'add') {
      await repo.addTag(trx, input.id, input.kind, tag);
    } else if ((await repo.removeTag(trx, input.id, input.kind, tag)) === 0) {
      const verb = input.kind === 'offers' ? 'offer' : 'need';
      throw new AppError('VALIDATION', `${row.name} does not ${verb} “${tag}”.`, {
        tag: `Not in ${row.name}'s ${input.kind}`,
      });
    }
    await reindexMember(trx, input.id);
    return loadMember(ctx, trx, input.id);
  });
}

/**
 * Every member's `from` tag becomes `into` (a tag merged by the manager), inside the caller's
 * transaction; a member who had both keeps one. Returns the members changed.
 */
export async function renameTag(db: Kysely<DB>, from: string, into: string): Promise<number> {
  const ids = await repo.membersWithTag(db, from);
  if (ids.length === 0) return 0;
  await repo.renameTag(db, from, into);
  for (const id of ids) await reindexMember(db, id);
  return ids.length;
}

export async function tagCounts(ctx: Ctx): Promise<TagCount[]> {
  const rows = await repo.tagCounts(ctx.db);
  return rows.map((r) => ({ tag: r.tag, offers: Number(r.offers), needs: Number(r.needs) }));
}

/**
 * Imports members from CSV. Every row is checked like a form; a dry run only reports.
 * A real run creates the valid rows in one transaction and reports the rejected ones.
 */
export async function importCsv(ctx: Ctx, csv: string, dryRun: boolean): Promise<ImportReport> {
  const clock = await ownershipClock(ctx);
  const parsed = parseMembersCsv(csv, clock.today);
  const report = await immediate(ctx.db, async (trx) => {
    const rows = [];
    const seenEmails = new Map<string, number>();
    for (const row of parsed) {
      const errors = { ...row.errors };
      if (row.member) {
        const email = row.member.email;
        const holder = await repo.findByEmail(trx, email);
        if (holder) errors.email = `Already the email of ${holder.name}`;
        else if (seenEmails.has(email)) errors.email = `Same email as line ${seenEmails.get(email)}`;
        else seenEmails.set(email, row.line);
      }
      const ok = row.member !== null && Object.keys(errors).length === 0;
      if (ok && !dryRun) await insertNew(ctx, trx, row.member!);
      rows.push({ line: row.line, name: row.name, email: row.email, outcome: ok ? 'create' : 'reject', errors } as const);
    }
    const created = rows.filter((r) => r.outcome === 'create').length;
    if (!dryRun && created > 0) await reindexAllMembers(trx);
    return { dryRun, rows, created, rejected: rows.length - created };
  });
  if (!dryRun && report.created > 0) ctx.emit('members.changed');
  return report;
}

export async function exportCsv(ctx: Ctx, includeArchived: boolean): Promise<{ filename: string; csv: string }> {
  const rows = await repo.allMembers(ctx.db, includeArchived);
  const tags = await repo.tagsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const { today } = await ownershipClock(ctx);
  return {
    filename: `coopdesk-members-${today}.csv`,
    csv: exportMembersCsv(rows.map((r) => ({ row: r, tags: tags.get(r.id)! }))),
  };
}

export const count = (ctx: Ctx) => repo.countMembers(ctx.db);

/** Creates many members in one transaction (demo co-op, benchmarks). */
export async function createMany(ctx: Ctx, members: MemberFields[]): Promise<number> {
  await immediate(ctx.db, async (trx) => {
    for (const m of members) await insertNew(ctx, trx, m);
    await reindexAllMembers(trx);
  });
  ctx.emit('members.changed');
  return members.length;
}

/** Who a member is, by id: their id and name, or undefined for no such member. */
export async function memberById(db: Kysely<DB>, id: string): Promise<{ id: string; name: string; email: string } | undefined> {
  const row = await repo.findById(db, id);
  return row ? { id: row.id, name: row.name, email: row.email } : undefined;
}

/** Names for members, whoever they are (the parties of a record the viewer is part of): id, name, business. */
export const memberRefs = (db: Kysely<DB>, ids: readonly string[]) => repo.refs(db, ids);

/** Offered and needed tags of these members, by id. */
export const memberTags = (db: Kysely<DB>, ids: readonly string[]) => repo.tagsOf(db, ids);

/** Adds needs a member told (at a fair, say), inside the caller's transaction; the search index follows. */
export async function addNeeds(db: Kysely<DB>, memberId: string, tags: readonly string[]): Promise<void> {
  for (const tag of tags) await repo.addTag(db, memberId, 'needs', normalizeTag(tag));
  await reindexMember(db, memberId);
}

/** Which of these members another member may see named: current and listed in the directory. */
export const listedAmong = (db: Kysely<DB>, ids: readonly string[]) => repo.listedAmong(db, ids);

/**
 * The owners among the register (or among `ids`), by the ownership months in settings, today in
 * the co-op's zone: who may vote. Paused members are owners; whether they vote is the co-op's rule.
 */
export async function ownersAmong(ctx: Ctx, db: Kysely<DB>, options: { pausedMayVote: boolean; ids?: readonly string[] }): Promise<string[]> {
  const clock = await ownershipClock(ctx, db);
  return repo.ownerIds(db, ownershipCutoff(clock.months, clock.today), options.pausedMayVote, options.ids);
}

export { guardianIds, setGuardians } from './members.repository';
