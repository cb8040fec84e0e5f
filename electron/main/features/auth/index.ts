import { authContract } from '@shared/contract/auth.contract';
import { labelsOf } from '../../db/tables';
import { defineFeature } from '../../feature';
import { handlers } from './auth.handlers';

/** Who signs in: staff and members' accounts, one-time codes, the kiosk's PINs, and the guard in front of every secret. */
export const authFeature = defineFeature({
  name: 'auth',
  contract: authContract,
  handlers,
  tables: ['accounts'],
  // Password and PIN hashes, codes and counters never leave the machine in an export: after a move, people set them again.
  localTables: ['credentials', 'account_passwords', 'sign_in_codes', 'access_guards'],
  records: async (ctx, ids) => (await labelsOf(ctx.db, 'accounts', 'name', ids)).map((r) => ({ ...r, label: r.label || 'The manager', href: '/settings' })),
});

export { lockouts } from './auth.service';
export { newSession, refreshSession } from './sessions.service';
export { staffEmail, staffIds } from './accounts.service';
