import { command, query, contractPart } from './common';
import { empty } from './fields';

export interface SystemStatus {
  coopName: string;
  memberCount: number;
  /** The demo co-op is offered while the register is empty. */
  demoOffered: boolean;
  /** Nothing set up yet (the default name, nobody in the register): the welcome is shown. */
  firstRun: boolean;
  /** The data folder on this machine; empty for anyone but the front desk. */
  dataDir: string;
  schemaVersion: number;
  appVersion: string;
  /** Where the co-op's data is: its SQLite file here, or a PostgreSQL server its sites share (the address without the password; empty for anyone but the front desk). */
  database: { engine: 'sqlite' | 'postgres'; address: string };
}

export const systemContract = contractPart('system', 'The app', [], {
  'system.status': query<SystemStatus>()(empty, 'public'),
  'system.loadDemo': command<{ created: number }>()(empty, 'manager', { audit: 'loaded the demo co-op' }),
});
