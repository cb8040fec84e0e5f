import { auditContract } from '@shared/contract/audit.contract';
import { defineFeature } from '../../feature';
import { handlers } from './audit.handlers';

export const auditFeature = defineFeature({ name: 'audit', contract: auditContract, handlers, tables: ['audit_log'] });

export { recordAudit, recordJob } from './audit.service';
