import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Job } from '../../feature';
import type { Ctx } from '../../context';
import { purgeRemovedDocuments } from '../bids';
import { backupFolder, listBackups } from './backups.service';
import { exportFolder } from './export.service';

/** When this run of the app started: a temporary file from before then belongs to no operation in progress. */
const started = () => performance.timeOrigin;

/** Removes what interrupted operations left (`.…part` files, private working folders) from before this run started. */
function removeStale(ctx: Ctx): number {
  let removed = 0;
  for (const folder of [backupFolder(ctx), exportFolder(ctx)]) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).filter((n) => n.startsWith('.'))) {
      const path = join(folder, name);
      if (statSync(path).mtimeMs >= started()) continue;
      rmSync(path, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}

/**
 * Once at start and daily: stale temporary files go, and the kept files of removed documents
 * go once no backup still kept is older than their removal (no restore could ask for them).
 */
export const tidyJob: Job = {
  name: 'data.tidy',
  audit: 'tidied the data folder',
  everyMs: 24 * 3_600_000,
  firstAfterMs: 5_000,
  async run(ctx) {
    const staleFiles = removeStale(ctx);
    const oldest = listBackups(ctx).at(-1);
    const removedDocuments = oldest ? purgeRemovedDocuments(ctx, new Date(oldest.createdAt)) : 0;
    return { changed: staleFiles + removedDocuments, details: { staleFiles, removedDocuments } };
  },
};
