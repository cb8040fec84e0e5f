import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import type { CommunityDetail, ResourceKind } from '@shared/contract/communities.contract';
import { newId } from '@shared/domain/ids';
import { type Actor, type Ctx, isStaff, withDb } from '../../context';
import { commit } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import { dataPath, ensureRoom, isRecordId, isStoredName, safeFileName } from '../storage';
import { get, joined } from './communities.service';
import * as repo from './communities.repository';

/**
 * A community's library: links, notes, recordings of trainings (by link), and files kept in the
 * data folder as documents/<community id>/<id>-<name> — the same place and shape as a bid's
 * documents, so the export, the import and the daily tidy treat them alike.
 */

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const LIBRARY_QUOTA_BYTES = 500 * 1024 * 1024;

const fileOf = (ctx: Pick<Ctx, 'dataDir'>, r: { community_id: string; stored_name: string | null }, kept = false) => {
  if (!r.stored_name || !isStoredName(r.stored_name) || !isRecordId(r.community_id))
    throw new AppError('FORBIDDEN', 'That file’s stored name is not one the app writes.');
  return dataPath(ctx.dataDir, ...(kept ? ['backups', 'documents'] : ['documents']), r.community_id, r.stored_name);
};

export async function addResource(
  ctx: Ctx,
  actor: Actor,
  input: { communityId: string; kind: ResourceKind; title: string; url: string; body: string; content: string },
): Promise<CommunityDetail> {
  const bytes = input.kind === 'file' ? Buffer.from(input.content, 'base64') : null;
  if (bytes && bytes.length > MAX_FILE_BYTES) throw new AppError('VALIDATION', 'A file is at most 10 MB.', { content: 'Larger than 10 MB' });
  const id = newId();
  const stored = bytes ? `${id}-${safeFileName(input.title)}` : null;
  let file: string | null = null;
  try {
    return await commit(ctx, 'communities.changed', async (trx) => {
      const { row } = await joined(trx, actor, input.communityId);
      if (bytes && stored) {
        if ((await repo.fileBytes(trx, row.id)) + bytes.length > LIBRARY_QUOTA_BYTES)
          throw new AppError('RULE', 'This library’s files would take more than 500 MB: remove some first.', { content: 'Over the quota' }, 'quota');
        ensureRoom(ctx.dataDir, bytes.length, 'the file');
        const target = fileOf(ctx, { community_id: row.id, stored_name: stored });
        mkdirSync(dataPath(ctx.dataDir, 'documents', row.id), { recursive: true });
        file = target;
        writeFileSync(target, bytes);
      }
      await repo.insertResource(trx, {
        id,
        community_id: row.id,
        kind: input.kind,
        title: input.title,
        url: input.kind === 'link' || input.kind === 'recording' ? input.url : '',
        body: input.kind === 'file' ? '' : input.body,
        stored_name: stored,
        size: bytes?.length ?? null,
        added_by_member_id: actor.memberId,
        added_at: ctx.now().getTime(),
      });
      return get(withDb(ctx, trx), actor, row.id);
    });
  } catch (error) {
    // the row was rolled back: the file must not stay behind either
    if (file) rmSync(file, { force: true });
    throw error;
  }
}

/** Removes from the library (who added it, a facilitator, the desk); a file is kept in backups/documents for a restore to find. */
export async function removeResource(ctx: Ctx, actor: Actor, id: string): Promise<CommunityDetail> {
  const found = await repo.findResource(ctx.db, id);
  if (!found) throw notFound('That resource');
  const files = found.stored_name ? { file: fileOf(ctx, found), kept: fileOf(ctx, found, true) } : null;
  const detail = await commit(ctx, 'communities.changed', async (trx) => {
    const { role } = await joined(trx, actor, found.community_id);
    if (!isStaff(actor) && role !== 'facilitator' && found.added_by_member_id !== actor.memberId)
      throw new AppError('FORBIDDEN', 'Only who added it, a facilitator or the desk may remove it.');
    await repo.deleteResource(trx, id);
    return get(withDb(ctx, trx), actor, found.community_id);
  });
  if (files && existsSync(files.file)) {
    mkdirSync(dataPath(ctx.dataDir, 'backups', 'documents', found.community_id), { recursive: true });
    renameSync(files.file, files.kept);
    const now = ctx.now();
    utimesSync(files.kept, now, now);
  }
  return detail;
}

/** A library file: opened with the system's viewer on the desktop, or sent to the browser. */
export async function openFile(ctx: Ctx, actor: Actor, id: string): Promise<{ name: string; opened: boolean; content?: string }> {
  const r = await repo.findResource(ctx.db, id);
  if (!r || r.kind !== 'file') throw notFound('That file');
  await joined(ctx.db, actor, r.community_id);
  const file = fileOf(ctx, r);
  if (ctx.desktop?.openPath) {
    try {
      await ctx.desktop.openPath(file);
    } catch {
      throw new AppError('NOT_FOUND', `The system could not open “${r.title}”: is the file still in the data folder?`);
    }
    return { name: r.title, opened: true };
  }
  try {
    return { name: r.title, opened: false, content: readFileSync(file).toString('base64') };
  } catch {
    throw new AppError('NOT_FOUND', `The file of “${r.title}” is missing from the data folder.`);
  }
}

/** After a restore: brings back the library files the restored database lists but that were removed since. */
export async function recoverRemovedFiles(ctx: Ctx): Promise<number> {
  let recovered = 0;
  for (const r of await repo.allFiles(ctx.db)) {
    if (!r.stored_name || !isStoredName(r.stored_name) || !isRecordId(r.community_id)) continue;
    const file = fileOf(ctx, r);
    const kept = fileOf(ctx, r, true);
    if (existsSync(file) || !existsSync(kept)) continue;
    mkdirSync(dataPath(ctx.dataDir, 'documents', r.community_id), { recursive: true });
    copyFileSync(kept, file);
    recovered++;
  }
  return recovered;
}
