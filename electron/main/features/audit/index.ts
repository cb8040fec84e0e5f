import { auditContract } from '@shared/contract/audit.contract';
import { defineFeature } from '../../feature';
import { handlers } from './audit.handlers';

export const auditFeature = defineFeature({ kernel: true, name: 'audit', contract: auditContract, handlers, tables: ['audit_log'] });

export { recordAudit, recordEvent, recordJob, recordRefusal } from './audit.service';
