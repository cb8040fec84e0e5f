import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { AuditLogTable } from './audit.tables';

export interface AuditFilter {
  channel: string;
  /** The channels of one area, and the prefix its jobs are named by. */
  area?: { channels: string[]; prefix: string };
  memberId: string;
  recordId: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export async function insert(db: Kysely<DB>, row: AuditLogTable): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

/** One page of the log, newest first, with the acting member's name, and how many rows match. */
export async function list(db: Kysely<DB>, f: AuditFilter) {
  let query = db.selectFrom('audit_log').leftJoin('members', 'members.id', 'audit_log.actor_member_id');
  if (f.channel) query = query.where('audit_log.channel', 'like', `${f.channel}%`);
  const area = f.area;
  if (area) query = query.where((eb) => eb.or([eb('audit_log.channel', 'in', area.channels), eb('audit_log.channel', 'like', `${area.prefix}%`)]));
  if (f.memberId) query = query.where('audit_log.actor_member_id', '=', f.memberId);
  if (f.recordId) query = query.where('audit_log.record_id', '=', f.recordId);
  if (f.from) query = query.where('audit_log.at', '>=', Date.parse(f.from));
  if (f.to) query = query.where('audit_log.at', '<', Date.parse(f.to));
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.actor_role',
      'audit_log.actor_member_id',
      'audit_log.actor_name',
      'members.name as member_name',
      'audit_log.channel',
      'audit_log.record_id',
      'audit_log.details',
    ])
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total: Number(n), rows };
}
