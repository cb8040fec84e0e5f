import type { Kysely } from 'kysely';
import type { Channel } from '../../../../shared/contract';
import type { AuditEntry } from '../../../../shared/contract/audit.contract';
import { newId } from '../../../../shared/domain/ids';
import type { Actor, Ctx } from '../../context';
import type { DB } from '../../db/schema';

/** Channels that change nothing; every other successful call is written to the audit log. */
const READS = new Set<string>([
  'members.list', 'members.get', 'members.tags', 'members.exportCsv',
  'settings.get', 'system.status',
  'bookables.list', 'bookables.get',
  'bookings.check', 'bookings.get', 'bookings.planSeries', 'bookings.pending', 'bookings.dayBoard', 'bookings.week',
  'bookings.forMember', 'bookings.findRooms', 'bookings.nextFree', 'bookings.freeDesks', 'bookings.ics',
  'data.backups', 'data.exports',
  'auth.status', 'auth.lockouts',
  'frontdesk.today', 'frontdesk.presence', 'visitors.day', 'visitors.exportDay', 'dayPasses.day',
  'audit.list',
  'bids.list', 'bids.get', 'bids.suggestTeam', 'bids.openDocument', 'bids.outcomes', 'bids.attention',
]);

/** Inputs that must never be written down. */
const SECRET_KEYS = new Set(['pin', 'password', 'current', 'next']);

export const isAudited = (channel: string) => !READS.has(channel);

function redact(input: unknown): unknown {
  if (!input || typeof input !== 'object') return input;
  return Object.fromEntries(
    Object.entries(input as Record<string, unknown>).map(([k, v]) => [
      k,
      SECRET_KEYS.has(k) ? '(hidden)' : typeof v === 'string' && v.length > 500 ? `(${v.length} characters)` : v,
    ]),
  );
}

function recordIdOf(input: unknown, data: unknown): string | null {
  const pick = (o: unknown, key: string) => (o && typeof o === 'object' && typeof (o as Record<string, unknown>)[key] === 'string' ? ((o as Record<string, string>)[key]) : null);
  return pick(input, 'id') ?? pick(data, 'id') ?? pick(input, 'memberId') ?? pick(input, 'bookableId') ?? pick(data, 'seriesId') ?? null;
}

/** Who did what to which record, and when: one row per successful change. */
export async function recordAudit(ctx: Ctx, actor: Actor, channel: Channel, input: unknown, data: unknown): Promise<void> {
  if (!isAudited(channel)) return;
  // A dry run (CSV import check) changes nothing.
  if (input && typeof input === 'object' && (input as { dryRun?: unknown }).dryRun === true) return;
  // After a restore this lands in the restored database: the restore is on record there.
  await ctx.db
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: ctx.now().getTime(),
      actor_role: actor.role,
      actor_member_id: actor.memberId,
      channel,
      record_id: recordIdOf(input, data),
      details: JSON.stringify(redact(input)),
    })
    .execute();
}

export async function list(
  db: Kysely<DB>,
  f: { channel: string; memberId: string; recordId: string; from?: string; to?: string; limit: number; offset: number },
): Promise<{ total: number; rows: AuditEntry[] }> {
  let query = db.selectFrom('audit_log').leftJoin('members', 'members.id', 'audit_log.actor_member_id');
  if (f.channel) query = query.where('audit_log.channel', 'like', `${f.channel}%`);
  if (f.memberId) query = query.where('audit_log.actor_member_id', '=', f.memberId);
  if (f.recordId) query = query.where('audit_log.record_id', '=', f.recordId);
  if (f.from) query = query.where('audit_log.at', '>=', Date.parse(f.from));
  if (f.to) query = query.where('audit_log.at', '<', Date.parse(f.to));
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select(['audit_log.id', 'audit_log.at', 'audit_log.actor_role', 'audit_log.actor_member_id', 'members.name as actor_name', 'audit_log.channel', 'audit_log.record_id', 'audit_log.details'])
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return {
    total: Number(n),
    rows: rows.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      actorRole: r.actor_role,
      actorMemberId: r.actor_member_id,
      actorName: r.actor_name ?? (r.actor_role === 'manager' ? 'Manager' : r.actor_role),
      channel: r.channel,
      recordId: r.record_id,
      details: r.details,
    })),
  };
}
