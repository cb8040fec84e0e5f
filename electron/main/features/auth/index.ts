import { authContract } from '@shared/contract/auth.contract';
import { defineFeature } from '../../feature';
import { handlers } from './auth.handlers';

export const authFeature = defineFeature({
  name: 'auth',
  contract: authContract,
  handlers,
  tables: [],
  // PIN and password hashes never leave the machine in an export: after a move, members set their PIN again.
  localTables: ['credentials', 'app_secrets', 'access_guards'],
});

export { KIOSK_IDLE_MS, lockouts, newSession } from './auth.service';
