import { auditContract } from '@shared/contract/audit.contract';
import { defineFeature } from '../../feature';
import { handlers } from './audit.handlers';
import { forgetOldReplays } from './replays.service';

export const auditFeature = defineFeature({
  kernel: true,
  name: 'audit',
  contract: auditContract,
  handlers,
  tables: ['audit_log'],
  localTables: ['command_replays'],
  // answers to retried commands are kept a day; tidying them changes no record anyone sees
  jobs: [{ name: 'audit.forgetReplays', audit: 'forgot answers kept for retries', everyMs: 60 * 60 * 1000, run: forgetOldReplays, quiet: true }],
});

export { recordAudit, recordEvent, recordJob, recordRefusal } from './audit.service';
export { ReplayRaced, answered, remember, replayFor, settle, type Replay } from './replays.service';
