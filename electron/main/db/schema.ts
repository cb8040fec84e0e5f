import type { SettingsTables } from '../features/settings/settings.tables';
import type { SitesTables } from '../features/sites/sites.tables';
import type { MembersTables } from '../features/members/members.tables';
import type { BookablesTables } from '../features/bookables/bookables.tables';
import type { BookingsTables } from '../features/bookings/bookings.tables';
import type { AuthTables } from '../features/auth/auth.tables';
import type { PresenceTables } from '../features/presence/presence.tables';
import type { FrontdeskTables } from '../features/frontdesk/frontdesk.tables';
import type { AuditTables } from '../features/audit/audit.tables';
import type { BidsTables } from '../features/bids/bids.tables';
import type { MailTables } from '../features/mail/mail.tables';
import type { NotificationsTables } from '../features/notifications/notifications.tables';
import type { PortalTables } from '../features/portal/portal.tables';
import type { NetworkTables } from '../features/network/network.tables';
import type { SupportTables } from '../features/support/support.tables';
import type { EventsTables } from '../features/events/events.tables';
import type { CommunitiesTables } from '../features/communities/communities.tables';
import type { GovernanceTables } from '../features/governance/governance.tables';
import type { MoneyTables } from '../features/money/money.tables';

/**
 * The database as Kysely sees it: every feature's tables, each declared in its own folder
 * (`features/<f>/<f>.tables.ts`). Instants are INTEGER ms since the epoch (UTC); dates are TEXT
 * YYYY-MM-DD. Adding a feature: one name in this list.
 */
export type DB = SettingsTables &
  SitesTables &
  MembersTables &
  BookablesTables &
  BookingsTables &
  AuthTables &
  PresenceTables &
  FrontdeskTables &
  AuditTables &
  BidsTables &
  MailTables &
  NotificationsTables &
  PortalTables &
  NetworkTables &
  SupportTables &
  EventsTables &
  CommunitiesTables &
  GovernanceTables &
  MoneyTables;
