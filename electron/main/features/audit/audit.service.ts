import { AppError } from '../../errors';
import { CONTRACT_PARTS } from '@shared/contract';
import { type Channel, contract } from '@shared/contract';
import type { AuditEntry } from '@shared/contract/audit.contract';
import { newId } from '@shared/domain/ids';
import { type Actor, type Ctx, SYSTEM } from '../../context';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import * as repo from './audit.repository';

/** Inputs that must never be written down (nor a hash of them: a retry's record leaves them out); `choices` are a ballot's. */
export const SECRET_KEYS = new Set(['pin', 'password', 'current', 'next', 'choices']);
/** Inputs whose content is a file (a document, a CSV): the log says how big, never what is in it. */
const FILE_KEYS = new Set(['content', 'csv']);

/** Commands are written down; queries change nothing and are not. */
export const isAudited = (channel: Channel) => contract[channel].kind === 'command';

/** An address with a password in it (a database server's): the password is left out. */
const withoutPassword = (text: string) => text.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*):[^@/\s]*@/i, '$1@');

function redact(input: unknown): unknown {
  if (!input || typeof input !== 'object') return input;
  return Object.fromEntries(
    Object.entries(input as Record<string, unknown>).map(([k, v]) => [
      k,
      SECRET_KEYS.has(k)
        ? '(hidden)'
        : typeof v === 'string' && (FILE_KEYS.has(k) || v.length > 500)
          ? `(${v.length} characters)`
          : typeof v === 'string'
            ? withoutPassword(v)
            : v,
    ]),
  );
}

function recordIdOf(input: unknown, data: unknown): string | null {
  const pick = (o: unknown, key: string) =>
    o && typeof o === 'object' && typeof (o as Record<string, unknown>)[key] === 'string' ? (o as Record<string, string>)[key] : null;
  return (
    pick(input, 'id') ?? pick(data, 'id') ?? pick(input, 'memberId') ?? pick(input, 'bookableId') ?? pick(data, 'seriesId') ?? pick(data, 'accountId') ?? null
  );
}

/** Who did what to which record, and when: one row per successful change. */
export async function recordAudit(ctx: Ctx, actor: Actor, channel: Channel, input: unknown, data: unknown): Promise<void> {
  if (!isAudited(channel)) return;
  // A dry run (CSV import check) changes nothing.
  if (input && typeof input === 'object' && (input as { dryRun?: unknown }).dryRun === true) return;
  // After a restore this lands in the restored database: the restore is on record there.
  await writeAudit(ctx, actor, channel, recordIdOf(input, data), redact(input));
}

const lastRefusal = new Map<string, number>();

/**
 * A signed-in person refused a channel their role may not use: on record, with nothing else done;
 * once a minute per person and channel, so a script repeating it cannot fill the disk.
 */
export async function recordRefusal(ctx: Ctx, actor: Actor, channel: string): Promise<void> {
  const key = `${ctx.dataDir}:${actor.accountId ?? actor.memberId}:${channel}`;
  const now = ctx.now().getTime();
  if (now - (lastRefusal.get(key) ?? -Infinity) < 60_000) return;
  if (lastRefusal.size > 10_000) lastRefusal.clear();
  lastRefusal.set(key, now);
  await writeAudit(ctx, actor, channel, null, { outcome: 'refused: not allowed for their role' });
}

/** A scheduled job that changed something, on record as `system`; one that changed nothing writes nothing. */
export async function recordJob(ctx: Ctx, job: string, changed: number, details: Record<string, unknown> = {}): Promise<void> {
  if (changed === 0) return;
  await writeAudit(ctx, SYSTEM, job, null, { changed, ...details });
}

const writeAudit = (ctx: Ctx, actor: Actor, channel: string, recordId: string | null, details: unknown) =>
  recordEvent(ctx.db, ctx.now().getTime(), actor, channel, recordId, details);

/** One row in the audit log, written with `db` (a change's own transaction, where there is one). */
export async function recordEvent(db: Kysely<DB>, at: number, actor: Actor, channel: string, recordId: string | null, details: unknown): Promise<void> {
  await repo.insert(db, {
    id: newId(),
    at,
    actor_role: actor.role,
    actor_member_id: actor.memberId,
    actor_account_id: actor.accountId ?? null,
    actor_name: actor.name ?? '',
    channel,
    record_id: recordId,
    details: JSON.stringify(details),
  });
}

export async function list(ctx: Ctx, input: Omit<repo.AuditFilter, 'area'> & { area: string }): Promise<{ total: number; rows: AuditEntry[] }> {
  const { area: areaName, ...f } = input;
  const part = areaName ? CONTRACT_PARTS.find((p) => p.name === areaName) : undefined;
  if (areaName && !part) throw new AppError('VALIDATION', `There is no part of the app called ${areaName}.`, { area: 'Unknown area' });
  const area = part ? { channels: Object.keys(part.channels), prefix: `${part.name}.` } : undefined;
  const { total, rows } = await repo.list(ctx.db, { ...f, area });
  const labels = await ctx.recordLabels(ctx, [...new Set(rows.flatMap((r) => (r.record_id ? [r.record_id] : [])))]);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      actorRole: r.actor_role,
      actorMemberId: r.actor_member_id,
      // As named when they acted; a member by the register; the desk before accounts existed, "Manager".
      actorName: r.actor_name || r.member_name || ({ manager: 'Manager', frontdesk: 'Front desk', system: 'System' }[r.actor_role] ?? r.actor_role),
      channel: r.channel,
      words: ctx.auditWords(r.channel),
      recordId: r.record_id,
      details: r.details,
      record: (r.record_id && labels.get(r.record_id)) || null,
    })),
  };
}
