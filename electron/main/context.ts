import type { Kysely } from 'kysely';
import type { PushEvent } from '../../shared/contract';
import type { DB } from './db/schema';

/** Who is calling. Both transports act as the front-desk manager until sign-in exists. */
export interface Actor {
  role: 'manager' | 'guardian' | 'member';
  memberId: string | null;
}

export const FRONT_DESK: Actor = { role: 'manager', memberId: null };

/** What every service gets: the database, the clock (fixed in tests) and the event bus. */
export interface Ctx {
  db: Kysely<DB>;
  now: () => Date;
  emit: (event: PushEvent) => void;
  dataDir: string;
  schemaVersion: number;
}
