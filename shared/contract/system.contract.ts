import { channel } from './common';
import { empty } from './fields';

export interface SystemStatus {
  coopName: string;
  memberCount: number;
  /** The demo co-op is offered while the register is empty. */
  demoOffered: boolean;
  dataDir: string;
  schemaVersion: number;
  appVersion: string;
}

export const systemContract = {
  'system.status': channel<SystemStatus>()(empty, 'public'),
  'system.loadDemo': channel<{ created: number }>()(empty, 'manager'),
};
