import { dataContract } from '@shared/contract/data.contract';
import { defineFeature } from '../../feature';
import { handlers } from './data.handlers';
import { tidyJob } from './tidy.jobs';
import { backupJob } from './backups.service';

/** Backups, restore, and export/import of everything; works on every feature's tables. */
export const dataFeature = defineFeature({ name: 'data', contract: dataContract, handlers, jobs: [backupJob, tidyJob] });
