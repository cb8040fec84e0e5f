import { authContract } from '@shared/contract/auth.contract';
import { defineFeature } from '../../feature';
import { handlers } from './auth.handlers';

export const authFeature = defineFeature({ name: 'auth', contract: authContract, handlers, tables: ['credentials', 'app_secrets'] });

export { KIOSK_IDLE_MS, lockouts, newSession } from './auth.service';
