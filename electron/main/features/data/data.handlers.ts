import type { dataContract } from '@shared/contract/data.contract';
import type { FeatureHandlers } from '../../feature';
import * as backups from './backups.service';
import * as exports from './export.service';
import { importAll } from './import.service';
import { checkServer, moveToServer, useServer } from './server.service';

export const handlers: FeatureHandlers<typeof dataContract> = {
  'data.backups': async (_input, ctx) => ({ folder: backups.backupFolder(ctx), backups: backups.listBackups(ctx), disk: backups.diskSpace(ctx) }),
  'data.backupNow': (_input, ctx) => backups.backup(ctx, 'manual'),
  'data.restore': (input, ctx) => backups.restore(ctx, input.name),
  'data.backupToFile': (_input, ctx) => backups.backupToFile(ctx),
  'data.restoreFromFile': (_input, ctx) => backups.restoreFromFile(ctx),
  'data.exports': async (_input, ctx) => ({ folder: exports.exportFolder(ctx), exports: exports.listExports(ctx) }),
  'data.exportAll': (_input, ctx) => exports.exportAll(ctx),
  'data.importAll': (input, ctx) => importAll(ctx, input.name),
  'data.checkServer': (input, ctx) => checkServer(ctx, input.url),
  'data.moveToServer': (input, ctx) => moveToServer(ctx, input.url),
  'data.useServer': (input, ctx) => useServer(ctx, input.url),
};
