import type { Kysely } from 'kysely';
import * as m0001 from './0001_members';
import * as m0002 from './0002_bookings';
import * as m0003 from './0003_frontdesk';
import * as m0004 from './0004_bids';
import * as m0005 from './0005_guards_privacy_spans';
import * as m0006 from './0006_accounts_notifications';
import * as m0007 from './0007_portal';
import * as m0008 from './0008_network';
import * as m0009 from './0009_support';
import * as m0010 from './0010_events';
import * as m0011 from './0011_series_fairs_communities';
import * as m0012 from './0012_governance';
import * as m0013 from './0013_money';
import * as m0014 from './0014_statements';
import * as m0015 from './0015_tag_counts';
import * as m0016 from './0016_spans_rooms';

export interface Migration {
  name: string;
  up(db: Kysely<any>): Promise<void>;
}

/**
 * Every schema version, in order. Append only: a shipped migration is never edited.
 * The schema version of a database is the number of migrations applied to it.
 */
export const migrations: readonly Migration[] = [
  { name: '0001_members', up: m0001.up },
  { name: '0002_bookings', up: m0002.up },
  { name: '0003_frontdesk', up: m0003.up },
  { name: '0004_bids', up: m0004.up },
  { name: '0005_guards_privacy_spans', up: m0005.up },
  { name: '0006_accounts_notifications', up: m0006.up },
  { name: '0007_portal', up: m0007.up },
  { name: '0008_network', up: m0008.up },
  { name: '0009_support', up: m0009.up },
  { name: '0010_events', up: m0010.up },
  { name: '0011_series_fairs_communities', up: m0011.up },
  { name: '0012_governance', up: m0012.up },
  { name: '0013_money', up: m0013.up },
  { name: '0014_statements', up: m0014.up },
  { name: '0015_tag_counts', up: m0015.up },
  { name: '0016_spans_rooms', up: m0016.up },
];

export const LATEST_SCHEMA_VERSION = migrations.length;
