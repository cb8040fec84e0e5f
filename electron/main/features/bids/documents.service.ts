import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import type { Bid } from '@shared/contract/bids.contract';
import { newId } from '@shared/domain/ids';
import { type Actor, type Ctx } from '../../context';
import { AppError, notFound } from '../../errors';
import { dataPath, ensureRoom, isRecordId, isStoredName, safeFileName } from '../storage';
import { change, hidden, maySee, record } from './bids.policy';
import * as repo from './bids.repository';

// ---------------------------------------------------------------------------------------------
// Documents: files in <data folder>/documents/<bid id>/, opened with the system's viewer

const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** What one bid's documents, and what one member's, may take on the desk's disk. */
export const BID_QUOTA_BYTES = 200 * 1024 * 1024;
export const MEMBER_QUOTA_BYTES = 500 * 1024 * 1024;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const documentsDir = (ctx: Ctx, bidId: string) => dataPath(ctx.dataDir, 'documents', bidId);
const removedDocumentsDir = (ctx: Ctx, bidId: string) => dataPath(ctx.dataDir, 'backups', 'documents', bidId);
/** A document's file, or its kept copy after removal; refused if the stored name would lead out of the data folder. */
const documentFile = (ctx: Ctx, doc: { bid_id: string; stored_name: string }, kept = false) => {
  if (!isStoredName(doc.stored_name)) throw new AppError('FORBIDDEN', 'That document’s stored name is not one the app writes.');
  return dataPath(ctx.dataDir, ...(kept ? ['backups', 'documents'] : ['documents']), doc.bid_id, doc.stored_name);
};

export async function attach(ctx: Ctx, actor: Actor, input: { id: string; name: string; content: string }): Promise<Bid> {
  const bytes = Buffer.from(input.content, 'base64');
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new AppError('VALIDATION', 'A document is at most 10 MB.', { content: 'Larger than 10 MB' });
  const docId = newId();
  const storedName = `${docId}-${safeFileName(input.name)}`;
  const file = documentFile(ctx, { bid_id: input.id, stored_name: storedName });
  let started = false;
  try {
    return await change(ctx, actor, input.id, async (trx, { bid }) => {
      if ((await repo.documentBytes(trx, { bidId: bid.id })) + bytes.length > BID_QUOTA_BYTES)
        throw new AppError(
          'RULE',
          `This bid’s documents would take more than ${mb(BID_QUOTA_BYTES)}: remove one first.`,
          { content: 'Over the bid’s quota' },
          'quota',
        );
      if (actor.memberId && (await repo.documentBytes(trx, { memberId: actor.memberId })) + bytes.length > MEMBER_QUOTA_BYTES)
        throw new AppError(
          'RULE',
          `Your documents would take more than ${mb(MEMBER_QUOTA_BYTES)}: remove some first.`,
          { content: 'Over your quota' },
          'quota',
        );
      ensureRoom(ctx.dataDir, bytes.length, 'the document');
      mkdirSync(documentsDir(ctx, bid.id), { recursive: true });
      // marked before writing: a write cut short by a full disk leaves no empty file behind
      started = true;
      writeFileSync(file, bytes);
      await repo.insertDocument(trx, {
        id: docId,
        bid_id: bid.id,
        name: input.name,
        stored_name: storedName,
        size: bytes.length,
        added_by_member_id: actor.memberId,
        added_at: ctx.now().getTime(),
      });
      await record(trx, ctx, actor, bid.id, 'team', `added the document “${input.name}”`);
    });
  } catch (error) {
    // The row was rolled back: the file must not stay behind either.
    if (started) rmSync(file, { force: true });
    throw error;
  }
}

/**
 * Removes a document: its row, then its file once the removal is committed. The file moves into
 * backups/documents rather than away, so restoring a backup that still lists it finds it again.
 */
export async function removeDocument(ctx: Ctx, actor: Actor, id: string): Promise<Bid> {
  const doc = await repo.findDocument(ctx.db, id);
  if (!doc) throw notFound('That document');
  // Both paths are checked before anything changes.
  const file = documentFile(ctx, doc);
  const kept = documentFile(ctx, doc, true);
  const bid = await change(ctx, actor, doc.bid_id, async (trx) => {
    await repo.deleteDocument(trx, doc.id);
    await record(trx, ctx, actor, doc.bid_id, 'team', `removed the document “${doc.name}”`);
  });
  if (existsSync(file)) {
    mkdirSync(removedDocumentsDir(ctx, doc.bid_id), { recursive: true });
    renameSync(file, kept);
    // dated by its removal: kept as long as a backup from before then may list it
    const now = ctx.now();
    utimesSync(kept, now, now);
  }
  return bid;
}

/** Deletes the kept files of documents removed before `before` (the oldest backup still kept): no restore can ask for them. */
export function purgeRemovedDocuments(ctx: Pick<Ctx, 'dataDir'>, before: Date): number {
  const root = dataPath(ctx.dataDir, 'backups', 'documents');
  if (!existsSync(root)) return 0;
  let purged = 0;
  for (const bid of readdirSync(root).filter(isRecordId)) {
    const folder = dataPath(ctx.dataDir, 'backups', 'documents', bid);
    for (const name of readdirSync(folder).filter(isStoredName)) {
      const file = dataPath(ctx.dataDir, 'backups', 'documents', bid, name);
      if (statSync(file).mtimeMs < before.getTime()) {
        rmSync(file, { force: true });
        purged++;
      }
    }
    if (readdirSync(folder).length === 0) rmSync(folder, { recursive: true, force: true });
  }
  return purged;
}

/** After a restore: brings back the files of documents the restored database lists but that were removed since. */
export async function recoverRemovedDocuments(ctx: Ctx): Promise<number> {
  let recovered = 0;
  for (const doc of await repo.allDocuments(ctx.db)) {
    // A restored file's names are checked like any other; one that would lead outside is skipped.
    if (!isStoredName(doc.stored_name) || !isRecordId(doc.bid_id)) continue;
    const file = documentFile(ctx, doc);
    const kept = documentFile(ctx, doc, true);
    if (existsSync(file) || !existsSync(kept)) continue;
    mkdirSync(documentsDir(ctx, doc.bid_id), { recursive: true });
    copyFileSync(kept, file);
    recovered++;
  }
  return recovered;
}

export async function openDocument(ctx: Ctx, actor: Actor, id: string): Promise<{ name: string; opened: boolean; content?: string }> {
  const doc = await repo.findDocument(ctx.db, id);
  if (!doc) throw notFound('That document');
  const bid = await repo.findBid(ctx.db, doc.bid_id);
  if (!bid || !maySee(actor, bid, await repo.teamOf(ctx.db, bid.id))) throw hidden();
  const file = documentFile(ctx, doc);
  if (ctx.desktop?.openPath) {
    try {
      await ctx.desktop.openPath(file);
    } catch {
      throw new AppError('NOT_FOUND', `The system could not open “${doc.name}”: is the file still in the data folder?`);
    }
    return { name: doc.name, opened: true };
  }
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    throw new AppError('NOT_FOUND', `The file of “${doc.name}” is missing from the data folder.`);
  }
  return { name: doc.name, opened: false, content: content.toString('base64') };
}
