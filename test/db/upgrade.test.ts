import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../electron/main/db/open';
import { LATEST_SCHEMA_VERSION, migrations } from '../../electron/main/db/migrations';
import { startTestCoop, tempDir } from '../helpers/coop';
import type { Session } from '../../electron/main/context';
import { hashSecret } from '../../electron/main/features/auth/secrets.service';

/** Schema 13's data: schema 14 adds its own rows to it. */
const SCHEMA_13 = `
    insert into coop values (1, 'Old Mill Co-op', 'GBP', 'Europe/London', 14, 0, 0);
    insert into sites (id, name, address, time_zone, created_at, updated_at) values ('s1', 'Old Mill', '1 Mill Lane', 'Europe/London', 0, 0);
    insert into site_hours values ('s1', 1, '08:00', '18:00');
    insert into members (id, number, name, email, phone, business_name, business_description, website, member_since, status, role, notes, archived_at, created_at, updated_at, share_contact, listed)
      values ('m1', 1, 'Ana Ribeiro', 'ana@example.coop', '', 'Ribeiro Design', '', '', '2024-01-10', 'active', 'guardian', 'keeps the keys', null, 0, 0, 1, 1);
    insert into member_tags values ('m1', 'offers', 'web design');
    insert into members_fts (rowid, name, business, tags, email) values (1, 'Ana Ribeiro', 'Ribeiro Design', 'web design', 'ana@example.coop');
    insert into bookables values ('b1', 's1', 'room', 'Old Room', '', 6, '[]', 1000, null, '{}', null, 0, 0);
    insert into bookings (id, bookable_id, member_id, quantity, units, start_ms, end_ms, occ_start_ms, occ_end_ms, status, currency, created_at, updated_at)
      values ('k1', 'b1', 'm1', 2, 1, 1800000000000, 1800003600000, 1800000000000, 1800003600000, 'confirmed', 'GBP', 0, 0);
    insert into presence values ('p1', 'm1', 's1', 1700000000000, 1700003600000);
    insert into audit_log (id, at, actor_role, actor_member_id, channel, record_id, details, actor_account_id, actor_name) values ('a1', 0, 'manager', null, 'members.create', 'm1', '{}', null, '');
    insert into bids (id, title, client, description, estimated_value_minor, currency, source, visibility, stage, lead_member_id, lessons, created_by_member_id, created_at, updated_at)
      values ('bid1', 'Old tender', 'County', '', 500000, 'GBP', 'member', 'open', 'forming', 'm1', '', 'm1', 0, 0);
    insert into bid_skills values ('bid1', 'web design', 3);
    insert into bid_team (bid_id, member_id, status, role, work_share, revenue_share, invited_at) values ('bid1', 'm1', 'accepted', 'Lead', 10000, 10000, 0);
    insert into accounts (id, kind, member_id, name, email, role, created_at, updated_at) values ('acc1', 'member', 'm1', 'Ana Ribeiro', 'ana@example.coop', 'member', 0, 0);
    insert into notifications (id, recipient_id, kind, title, created_at) values ('n1', 'm1', 'news', 'Welcome', 0);
    insert into portal_settings (id, enabled, address, port, updated_at) values (1, 0, '', 8443, 0);
    insert into calendar_feeds values ('m1', 'hash-of-a-token', 0, null);
    insert into members (id, number, name, email, phone, business_name, business_description, website, member_since, status, role, notes, archived_at, created_at, updated_at, share_contact, listed)
      values ('m2', 2, 'Kasia Nowak', 'kasia@example.coop', '', '', '', '', '2024-01-10', 'active', 'member', '', null, 0, 0, 0, 1);
    insert into tag_aliases values ('web designer', 'web design', 0);
    insert into referrals values ('r1', 'm1', 'm2', 'Millbrook Bakery', 'accounts', 'warm', 1, 0);
    insert into referral_moves values ('r1', 1, 'm1', 'm2', 'passed', '2026-11-01', null, 'm1', 0);
    insert into exchanges values ('x1', 'm1', 'm2', 60, 'VAT question', '2026-11-01', 'confirmed', 'm1', 0, 0);
    insert into help_requests (id, asker_id, kind, text, here_today, state, helper_id, how, told, created_at) values ('h1', 'm1', 'quick', 'VAT?', 1, 'claimed', 'm2', 'come over', 1, 0);
    insert into help_request_skills values ('h1', 'vat');
    insert into mentor_offers values ('m2', 3, '', 1, 0);
    insert into mentoring_skills values ('m2', 'mentor', 'bookkeeping');
    insert into commitments (id, member_id, text, due_on, state, created_at) values ('c1', 'm1', 'Send the tender', '2026-12-01', 'open', 0);
    insert into commitment_partners values ('c1', 'm2');
    insert into events (id, site_id, kind, title, description, starts_at, ends_at, booking_id, room_id, venue, capacity, guests_allowed, price_minor, state, created_at, updated_at)
      values ('e1', 's1', 'breakfast', 'Members breakfast', '', 1800000000000, 1800003600000, null, null, 'Kitchen', 12, 0, 0, 'scheduled', 0, 0);
    insert into event_hosts values ('e1', 'm1');
    insert into event_rsvps (id, event_id, member_id, state, seq, created_at, updated_at) values ('v1', 'e1', 'm2', 'going', 1, 0, 0);
    insert into communities (id, site_id, name, topic, description, created_at, updated_at) values ('c1', 's1', 'Web makers', 'Websites', '', 0, 0);
    insert into community_members values ('c1', 'm1', 'facilitator', 0, null);
    insert into community_resources (id, community_id, kind, title, url, body, added_by_member_id, added_at) values ('cr1', 'c1', 'link', 'Checklist', 'https://example.org', '', 'm1', 0);
    insert into proposals (id, number, title, body, kind, proposer_id, state, secret, quorum_pct, threshold, opens_at, closes_at, created_at, updated_at)
      values ('pr1', 1, 'Longer hours', 'Open until 20:00', 'decision', 'm1', 'discussion', 0, 50, 'majority', 1900000000000, 1900600000000, 0, 0);
    insert into coop_rules values (1, 'One owner, one vote.', null, 0);
    insert into plans values ('pl1', 'Flex 8', 12000, 8, 4, 0, 0, 1, null, 0, 0);
    insert into member_plans values ('mp1', 'm1', 'pl1', 'active', '2026-11-01', null, 0);
    insert into costs values ('co1', '2026-11', 'rent', 'November rent', 90000, 'equal', 0);`;

const SCHEMA_14 = `${SCHEMA_13}
    insert into day_pass_prices values ('dp1', 'Day pass', 1500, null, 0);
    insert into money_settings values (1, 2000, 2, 0);
    insert into statements values ('st1', 1, 'm1', '2026-10', 'GBP', 12000, 2000, 2400, 14400, 0);
    insert into statement_lines values ('st1', 1, 'plan', '2026-10-01', 'Flex 8', '', 12000);
    insert into adjustments values ('ad1', 'm1', '2026-11', 'Broken chair refund', -500, 0);
    insert into payments values ('pa1', 'm1', '2026-11-03', 14400, 'transfer', 'October', 0);`;

/**
 * Data as it was written at each schema version, in that version's own columns (frozen, like
 * the migrations). Add an entry when a migration is added.
 */
const FIXTURES: Record<number, string> = {
  1: `
    insert into coop values (1, 'Old Mill Co-op', 'GBP', 'Europe/London', 14, 0, 0);
    insert into sites values ('s1', 'Old Mill', '1 Mill Lane', 'Europe/London', 0, 0);
    insert into site_hours values ('s1', 1, '08:00', '18:00');
    insert into members values ('m1', 1, 'Ana Ribeiro', 'ana@example.coop', '', 'Ribeiro Design', '', '', '2024-01-10', 'active', 'guardian', 'keeps the keys', null, 0, 0);
    insert into member_tags values ('m1', 'offers', 'web design');
    insert into members_fts (rowid, name, business, tags, email) values (1, 'Ana Ribeiro', 'Ribeiro Design', 'web design', 'ana@example.coop');`,
  2: `
    insert into coop values (1, 'Old Mill Co-op', 'GBP', 'Europe/London', 14, 0, 0);
    insert into sites (id, name, address, time_zone, created_at, updated_at) values ('s1', 'Old Mill', '1 Mill Lane', 'Europe/London', 0, 0);
    insert into site_hours values ('s1', 1, '08:00', '18:00');
    insert into members values ('m1', 1, 'Ana Ribeiro', 'ana@example.coop', '', 'Ribeiro Design', '', '', '2024-01-10', 'active', 'guardian', 'keeps the keys', null, 0, 0);
    insert into member_tags values ('m1', 'offers', 'web design');
    insert into members_fts (rowid, name, business, tags, email) values (1, 'Ana Ribeiro', 'Ribeiro Design', 'web design', 'ana@example.coop');
    insert into bookables values ('b1', 's1', 'room', 'Old Room', '', 6, '[]', 1000, null, '{}', null, 0, 0);
    insert into bookings (id, bookable_id, member_id, quantity, units, start_ms, end_ms, occ_start_ms, occ_end_ms, status, currency, created_at, updated_at)
      values ('k1', 'b1', 'm1', 2, 1, 1800000000000, 1800003600000, 1800000000000, 1800003600000, 'confirmed', 'GBP', 0, 0);`,
  3: `
    insert into coop values (1, 'Old Mill Co-op', 'GBP', 'Europe/London', 14, 0, 0);
    insert into sites (id, name, address, time_zone, created_at, updated_at) values ('s1', 'Old Mill', '1 Mill Lane', 'Europe/London', 0, 0);
    insert into site_hours values ('s1', 1, '08:00', '18:00');
    insert into members values ('m1', 1, 'Ana Ribeiro', 'ana@example.coop', '', 'Ribeiro Design', '', '', '2024-01-10', 'active', 'guardian', 'keeps the keys', null, 0, 0);
    insert into member_tags values ('m1', 'offers', 'web design');
    insert into members_fts (rowid, name, business, tags, email) values (1, 'Ana Ribeiro', 'Ribeiro Design', 'web design', 'ana@example.coop');
    insert into bookables values ('b1', 's1', 'room', 'Old Room', '', 6, '[]', 1000, null, '{}', null, 0, 0);
    insert into bookings (id, bookable_id, member_id, quantity, units, start_ms, end_ms, occ_start_ms, occ_end_ms, status, currency, created_at, updated_at)
      values ('k1', 'b1', 'm1', 2, 1, 1800000000000, 1800003600000, 1800000000000, 1800003600000, 'confirmed', 'GBP', 0, 0);
    insert into credentials values ('m1', 'scrypt$old', 0, null, 0);
    insert into presence values ('p1', 'm1', 's1', 1700000000000, 1700003600000);
    insert into audit_log values ('a1', 0, 'manager', null, 'members.create', 'm1', '{}');`,
  4: `
    insert into coop values (1, 'Old Mill Co-op', 'GBP', 'Europe/London', 14, 0, 0);
    insert into sites (id, name, address, time_zone, created_at, updated_at) values ('s1', 'Old Mill', '1 Mill Lane', 'Europe/London', 0, 0);
    insert into site_hours values ('s1', 1, '08:00', '18:00');
    insert into members values ('m1', 1, 'Ana Ribeiro', 'ana@example.coop', '', 'Ribeiro Design', '', '', '2024-01-10', 'active', 'guardian', 'keeps the keys', null, 0, 0);
    insert into member_tags values ('m1', 'offers', 'web design');
    insert into members_fts (rowid, name, business, tags, email) values (1, 'Ana Ribeiro', 'Ribeiro Design', 'web design', 'ana@example.coop');
    insert into bookables values ('b1', 's1', 'room', 'Old Room', '', 6, '[]', 1000, null, '{}', null, 0, 0);
    insert into bookings (id, bookable_id, member_id, quantity, units, start_ms, end_ms, occ_start_ms, occ_end_ms, status, currency, created_at, updated_at)
      values ('k1', 'b1', 'm1', 2, 1, 1800000000000, 1800003600000, 1800000000000, 1800003600000, 'confirmed', 'GBP', 0, 0);
    insert into credentials values ('m1', 'scrypt$old', 0, null, 0);
    insert into presence values ('p1', 'm1', 's1', 1700000000000, 1700003600000);
    insert into audit_log values ('a1', 0, 'manager', null, 'members.create', 'm1', '{}');
    insert into bids (id, title, client, description, estimated_value_minor, currency, source, visibility, stage, lead_member_id, lessons, created_by_member_id, created_at, updated_at)
      values ('bid1', 'Old tender', 'County', '', 500000, 'GBP', 'member', 'open', 'forming', 'm1', '', 'm1', 0, 0);
    insert into bid_skills values ('bid1', 'web design', 3);
    insert into bid_team (bid_id, member_id, status, role, work_share, revenue_share, invited_at) values ('bid1', 'm1', 'accepted', 'Lead', 10000, 10000, 0);`,
  5: `
    insert into coop values (1, 'Old Mill Co-op', 'GBP', 'Europe/London', 14, 0, 0);
    insert into sites (id, name, address, time_zone, created_at, updated_at) values ('s1', 'Old Mill', '1 Mill Lane', 'Europe/London', 0, 0);
    insert into site_hours values ('s1', 1, '08:00', '18:00');
    insert into members (id, number, name, email, phone, business_name, business_description, website, member_since, status, role, notes, archived_at, created_at, updated_at, share_contact)
      values ('m1', 1, 'Ana Ribeiro', 'ana@example.coop', '', 'Ribeiro Design', '', '', '2024-01-10', 'active', 'guardian', 'keeps the keys', null, 0, 0, 1);
    insert into member_tags values ('m1', 'offers', 'web design');
    insert into members_fts (rowid, name, business, tags, email) values (1, 'Ana Ribeiro', 'Ribeiro Design', 'web design', 'ana@example.coop');
    insert into bookables values ('b1', 's1', 'room', 'Old Room', '', 6, '[]', 1000, null, '{}', null, 0, 0);
    insert into bookings (id, bookable_id, member_id, quantity, units, start_ms, end_ms, occ_start_ms, occ_end_ms, status, currency, created_at, updated_at)
      values ('k1', 'b1', 'm1', 2, 1, 1800000000000, 1800003600000, 1800000000000, 1800003600000, 'confirmed', 'GBP', 0, 0);
    insert into credentials values ('m1', 'scrypt$old', 0, null, 0);
    insert into presence values ('p1', 'm1', 's1', 1700000000000, 1700003600000);
    insert into audit_log values ('a1', 0, 'manager', null, 'members.create', 'm1', '{}');
    insert into bids (id, title, client, description, estimated_value_minor, currency, source, visibility, stage, lead_member_id, lessons, created_by_member_id, created_at, updated_at)
      values ('bid1', 'Old tender', 'County', '', 500000, 'GBP', 'member', 'open', 'forming', 'm1', '', 'm1', 0, 0);
    insert into bid_skills values ('bid1', 'web design', 3);
    insert into bid_team (bid_id, member_id, status, role, work_share, revenue_share, invited_at) values ('bid1', 'm1', 'accepted', 'Lead', 10000, 10000, 0);
    insert into access_guards values ('manager-password', 'manager@10.0.0.9', 0, 253402300799000, 0);`,
  6: `
    insert into coop values (1, 'Old Mill Co-op', 'GBP', 'Europe/London', 14, 0, 0);
    insert into sites (id, name, address, time_zone, created_at, updated_at) values ('s1', 'Old Mill', '1 Mill Lane', 'Europe/London', 0, 0);
    insert into site_hours values ('s1', 1, '08:00', '18:00');
    insert into members (id, number, name, email, phone, business_name, business_description, website, member_since, status, role, notes, archived_at, created_at, updated_at, share_contact)
      values ('m1', 1, 'Ana Ribeiro', 'ana@example.coop', '', 'Ribeiro Design', '', '', '2024-01-10', 'active', 'guardian', 'keeps the keys', null, 0, 0, 1);
    insert into member_tags values ('m1', 'offers', 'web design');
    insert into members_fts (rowid, name, business, tags, email) values (1, 'Ana Ribeiro', 'Ribeiro Design', 'web design', 'ana@example.coop');
    insert into bookables values ('b1', 's1', 'room', 'Old Room', '', 6, '[]', 1000, null, '{}', null, 0, 0);
    insert into bookings (id, bookable_id, member_id, quantity, units, start_ms, end_ms, occ_start_ms, occ_end_ms, status, currency, created_at, updated_at)
      values ('k1', 'b1', 'm1', 2, 1, 1800000000000, 1800003600000, 1800000000000, 1800003600000, 'confirmed', 'GBP', 0, 0);
    insert into presence values ('p1', 'm1', 's1', 1700000000000, 1700003600000);
    insert into audit_log (id, at, actor_role, actor_member_id, channel, record_id, details, actor_account_id, actor_name) values ('a1', 0, 'manager', null, 'members.create', 'm1', '{}', null, '');
    insert into bids (id, title, client, description, estimated_value_minor, currency, source, visibility, stage, lead_member_id, lessons, created_by_member_id, created_at, updated_at)
      values ('bid1', 'Old tender', 'County', '', 500000, 'GBP', 'member', 'open', 'forming', 'm1', '', 'm1', 0, 0);
    insert into bid_skills values ('bid1', 'web design', 3);
    insert into bid_team (bid_id, member_id, status, role, work_share, revenue_share, invited_at) values ('bid1', 'm1', 'accepted', 'Lead', 10000, 10000, 0);
    insert into accounts (id, kind, member_id, name, email, role, created_at, updated_at) values ('acc1', 'member', 'm1', 'Ana Ribeiro', 'ana@example.coop', 'member', 0, 0);
    insert into notifications (id, recipient_id, kind, title, created_at) values ('n1', 'm1', 'news', 'Welcome', 0);`,
  7: `
    insert into coop values (1, 'Old Mill Co-op', 'GBP', 'Europe/London', 14, 0, 0);
    insert into sites (id, name, address, time_zone, created_at, updated_at) values ('s1', 'Old Mill', '1 Mill Lane', 'Europe/London', 0, 0);
    insert into site_hours values ('s1', 1, '08:00', '18:00');
    insert into members (id, number, name, email, phone, business_name, business_description, website, member_since, status, role, notes, archived_at, created_at, updated_at, share_contact, listed)
      values ('m1', 1, 'Ana Ribeiro', 'ana@example.coop', '', 'Ribeiro Design', '', '', '2024-01-10', 'active', 'guardian', 'keeps the keys', null, 0, 0, 1, 1);
    insert into member_tags values ('m1', 'offers', 'web design');
    insert into members_fts (rowid, name, business, tags, email) values (1, 'Ana Ribeiro', 'Ribeiro Design', 'web design', 'ana@example.coop');
    insert into bookables values ('b1', 's1', 'room', 'Old Room', '', 6, '[]', 1000, null, '{}', null, 0, 0);
    insert into bookings (id, bookable_id, member_id, quantity, units, start_ms, end_ms, occ_start_ms, occ_end_ms, status, currency, created_at, updated_at)
      values ('k1', 'b1', 'm1', 2, 1, 1800000000000, 1800003600000, 1800000000000, 1800003600000, 'confirmed', 'GBP', 0, 0);
    insert into presence values ('p1', 'm1', 's1', 1700000000000, 1700003600000);
    insert into audit_log (id, at, actor_role, actor_member_id, channel, record_id, details, actor_account_id, actor_name) values ('a1', 0, 'manager', null, 'members.create', 'm1', '{}', null, '');
    insert into bids (id, title, client, description, estimated_value_minor, currency, source, visibility, stage, lead_member_id, lessons, created_by_member_id, created_at, updated_at)
      values ('bid1', 'Old tender', 'County', '', 500000, 'GBP', 'member', 'open', 'forming', 'm1', '', 'm1', 0, 0);
    insert into bid_skills values ('bid1', 'web design', 3);
    insert into bid_team (bid_id, member_id, status, role, work_share, revenue_share, invited_at) values ('bid1', 'm1', 'accepted', 'Lead', 10000, 10000, 0);
    insert into accounts (id, kind, member_id, name, email, role, created_at, updated_at) values ('acc1', 'member', 'm1', 'Ana Ribeiro', 'ana@example.coop', 'member', 0, 0);
    insert into notifications (id, recipient_id, kind, title, created_at) values ('n1', 'm1', 'news', 'Welcome', 0);
    insert into portal_settings (id, enabled, address, port, updated_at) values (1, 0, '', 8443, 0);
    insert into calendar_feeds values ('m1', 'hash-of-a-token', 0, null);`,
  8: `
    insert into coop values (1, 'Old Mill Co-op', 'GBP', 'Europe/London', 14, 0, 0);
    insert into sites (id, name, address, time_zone, created_at, updated_at) values ('s1', 'Old Mill', '1 Mill Lane', 'Europe/London', 0, 0);
    insert into site_hours values ('s1', 1, '08:00', '18:00');
    insert into members (id, number, name, email, phone, business_name, business_description, website, member_since, status, role, notes, archived_at, created_at, updated_at, share_contact, listed)
      values ('m1', 1, 'Ana Ribeiro', 'ana@example.coop', '', 'Ribeiro Design', '', '', '2024-01-10', 'active', 'guardian', 'keeps the keys', null, 0, 0, 1, 1);
    insert into member_tags values ('m1', 'offers', 'web design');
    insert into members_fts (rowid, name, business, tags, email) values (1, 'Ana Ribeiro', 'Ribeiro Design', 'web design', 'ana@example.coop');
    insert into bookables values ('b1', 's1', 'room', 'Old Room', '', 6, '[]', 1000, null, '{}', null, 0, 0);
    insert into bookings (id, bookable_id, member_id, quantity, units, start_ms, end_ms, occ_start_ms, occ_end_ms, status, currency, created_at, updated_at)
      values ('k1', 'b1', 'm1', 2, 1, 1800000000000, 1800003600000, 1800000000000, 1800003600000, 'confirmed', 'GBP', 0, 0);
    insert into presence values ('p1', 'm1', 's1', 1700000000000, 1700003600000);
    insert into audit_log (id, at, actor_role, actor_member_id, channel, record_id, details, actor_account_id, actor_name) values ('a1', 0, 'manager', null, 'members.create', 'm1', '{}', null, '');
    insert into bids (id, title, client, description, estimated_value_minor, currency, source, visibility, stage, lead_member_id, lessons, created_by_member_id, created_at, updated_at)
      values ('bid1', 'Old tender', 'County', '', 500000, 'GBP', 'member', 'open', 'forming', 'm1', '', 'm1', 0, 0);
    insert into bid_skills values ('bid1', 'web design', 3);
    insert into bid_team (bid_id, member_id, status, role, work_share, revenue_share, invited_at) values ('bid1', 'm1', 'accepted', 'Lead', 10000, 10000, 0);
    insert into accounts (id, kind, member_id, name, email, role, created_at, updated_at) values ('acc1', 'member', 'm1', 'Ana Ribeiro', 'ana@example.coop', 'member', 0, 0);
    insert into notifications (id, recipient_id, kind, title, created_at) values ('n1', 'm1', 'news', 'Welcome', 0);
    insert into portal_settings (id, enabled, address, port, updated_at) values (1, 0, '', 8443, 0);
    insert into calendar_feeds values ('m1', 'hash-of-a-token', 0, null);
    insert into members (id, number, name, email, phone, business_name, business_description, website, member_since, status, role, notes, archived_at, created_at, updated_at, share_contact, listed)
      values ('m2', 2, 'Kasia Nowak', 'kasia@example.coop', '', '', '', '', '2024-01-10', 'active', 'member', '', null, 0, 0, 0, 1);
    insert into tag_aliases values ('web designer', 'web design', 0);
    insert into referrals values ('r1', 'm1', 'm2', 'Millbrook Bakery', 'accounts', 'warm', 1, 0);
    insert into referral_moves values ('r1', 1, 'm1', 'm2', 'passed', '2026-11-01', null, 'm1', 0);
    insert into exchanges values ('x1', 'm1', 'm2', 60, 'VAT question', '2026-11-01', 'confirmed', 'm1', 0, 0);`,
  9: `
    insert into coop values (1, 'Old Mill Co-op', 'GBP', 'Europe/London', 14, 0, 0);
    insert into sites (id, name, address, time_zone, created_at, updated_at) values ('s1', 'Old Mill', '1 Mill Lane', 'Europe/London', 0, 0);
    insert into site_hours values ('s1', 1, '08:00', '18:00');
    insert into members (id, number, name, email, phone, business_name, business_description, website, member_since, status, role, notes, archived_at, created_at, updated_at, share_contact, listed)
      values ('m1', 1, 'Ana Ribeiro', 'ana@example.coop', '', 'Ribeiro Design', '', '', '2024-01-10', 'active', 'guardian', 'keeps the keys', null, 0, 0, 1, 1);
    insert into member_tags values ('m1', 'offers', 'web design');
    insert into members_fts (rowid, name, business, tags, email) values (1, 'Ana Ribeiro', 'Ribeiro Design', 'web design', 'ana@example.coop');
    insert into bookables values ('b1', 's1', 'room', 'Old Room', '', 6, '[]', 1000, null, '{}', null, 0, 0);
    insert into bookings (id, bookable_id, member_id, quantity, units, start_ms, end_ms, occ_start_ms, occ_end_ms, status, currency, created_at, updated_at)
      values ('k1', 'b1', 'm1', 2, 1, 1800000000000, 1800003600000, 1800000000000, 1800003600000, 'confirmed', 'GBP', 0, 0);
    insert into presence values ('p1', 'm1', 's1', 1700000000000, 1700003600000);
    insert into audit_log (id, at, actor_role, actor_member_id, channel, record_id, details, actor_account_id, actor_name) values ('a1', 0, 'manager', null, 'members.create', 'm1', '{}', null, '');
    insert into bids (id, title, client, description, estimated_value_minor, currency, source, visibility, stage, lead_member_id, lessons, created_by_member_id, created_at, updated_at)
      values ('bid1', 'Old tender', 'County', '', 500000, 'GBP', 'member', 'open', 'forming', 'm1', '', 'm1', 0, 0);
    insert into bid_skills values ('bid1', 'web design', 3);
    insert into bid_team (bid_id, member_id, status, role, work_share, revenue_share, invited_at) values ('bid1', 'm1', 'accepted', 'Lead', 10000, 10000, 0);
    insert into accounts (id, kind, member_id, name, email, role, created_at, updated_at) values ('acc1', 'member', 'm1', 'Ana Ribeiro', 'ana@example.coop', 'member', 0, 0);
    insert into notifications (id, recipient_id, kind, title, created_at) values ('n1', 'm1', 'news', 'Welcome', 0);
    insert into portal_settings (id, enabled, address, port, updated_at) values (1, 0, '', 8443, 0);
    insert into calendar_feeds values ('m1', 'hash-of-a-token', 0, null);
    insert into members (id, number, name, email, phone, business_name, business_description, website, member_since, status, role, notes, archived_at, created_at, updated_at, share_contact, listed)
      values ('m2', 2, 'Kasia Nowak', 'kasia@example.coop', '', '', '', '', '2024-01-10', 'active', 'member', '', null, 0, 0, 0, 1);
    insert into tag_aliases values ('web designer', 'web design', 0);
    insert into referrals values ('r1', 'm1', 'm2', 'Millbrook Bakery', 'accounts', 'warm', 1, 0);
    insert into referral_moves values ('r1', 1, 'm1', 'm2', 'passed', '2026-11-01', null, 'm1', 0);
    insert into exchanges values ('x1', 'm1', 'm2', 60, 'VAT question', '2026-11-01', 'confirmed', 'm1', 0, 0);
    insert into help_requests (id, asker_id, kind, text, here_today, state, helper_id, how, told, created_at) values ('h1', 'm1', 'quick', 'VAT?', 1, 'claimed', 'm2', 'come over', 1, 0);
    insert into help_request_skills values ('h1', 'vat');
    insert into mentor_offers values ('m2', 3, '', 1, 0);
    insert into mentoring_skills values ('m2', 'mentor', 'bookkeeping');
    insert into commitments (id, member_id, text, due_on, state, created_at) values ('c1', 'm1', 'Send the tender', '2026-12-01', 'open', 0);
    insert into commitment_partners values ('c1', 'm2');`,
  10: `
    insert into coop values (1, 'Old Mill Co-op', 'GBP', 'Europe/London', 14, 0, 0);
    insert into sites (id, name, address, time_zone, created_at, updated_at) values ('s1', 'Old Mill', '1 Mill Lane', 'Europe/London', 0, 0);
    insert into site_hours values ('s1', 1, '08:00', '18:00');
    insert into members (id, number, name, email, phone, business_name, business_description, website, member_since, status, role, notes, archived_at, created_at, updated_at, share_contact, listed)
      values ('m1', 1, 'Ana Ribeiro', 'ana@example.coop', '', 'Ribeiro Design', '', '', '2024-01-10', 'active', 'guardian', 'keeps the keys', null, 0, 0, 1, 1);
    insert into member_tags values ('m1', 'offers', 'web design');
    insert into members_fts (rowid, name, business, tags, email) values (1, 'Ana Ribeiro', 'Ribeiro Design', 'web design', 'ana@example.coop');
    insert into bookables values ('b1', 's1', 'room', 'Old Room', '', 6, '[]', 1000, null, '{}', null, 0, 0);
    insert into bookings (id, bookable_id, member_id, quantity, units, start_ms, end_ms, occ_start_ms, occ_end_ms, status, currency, created_at, updated_at)
      values ('k1', 'b1', 'm1', 2, 1, 1800000000000, 1800003600000, 1800000000000, 1800003600000, 'confirmed', 'GBP', 0, 0);
    insert into presence values ('p1', 'm1', 's1', 1700000000000, 1700003600000);
    insert into audit_log (id, at, actor_role, actor_member_id, channel, record_id, details, actor_account_id, actor_name) values ('a1', 0, 'manager', null, 'members.create', 'm1', '{}', null, '');
    insert into bids (id, title, client, description, estimated_value_minor, currency, source, visibility, stage, lead_member_id, lessons, created_by_member_id, created_at, updated_at)
      values ('bid1', 'Old tender', 'County', '', 500000, 'GBP', 'member', 'open', 'forming', 'm1', '', 'm1', 0, 0);
    insert into bid_skills values ('bid1', 'web design', 3);
    insert into bid_team (bid_id, member_id, status, role, work_share, revenue_share, invited_at) values ('bid1', 'm1', 'accepted', 'Lead', 10000, 10000, 0);
    insert into accounts (id, kind, member_id, name, email, role, created_at, updated_at) values ('acc1', 'member', 'm1', 'Ana Ribeiro', 'ana@example.coop', 'member', 0, 0);
    insert into notifications (id, recipient_id, kind, title, created_at) values ('n1', 'm1', 'news', 'Welcome', 0);
    insert into portal_settings (id, enabled, address, port, updated_at) values (1, 0, '', 8443, 0);
    insert into calendar_feeds values ('m1', 'hash-of-a-token', 0, null);
    insert into members (id, number, name, email, phone, business_name, business_description, website, member_since, status, role, notes, archived_at, created_at, updated_at, share_contact, listed)
      values ('m2', 2, 'Kasia Nowak', 'kasia@example.coop', '', '', '', '', '2024-01-10', 'active', 'member', '', null, 0, 0, 0, 1);
    insert into tag_aliases values ('web designer', 'web design', 0);
    insert into referrals values ('r1', 'm1', 'm2', 'Millbrook Bakery', 'accounts', 'warm', 1, 0);
    insert into referral_moves values ('r1', 1, 'm1', 'm2', 'passed', '2026-11-01', null, 'm1', 0);
    insert into exchanges values ('x1', 'm1', 'm2', 60, 'VAT question', '2026-11-01', 'confirmed', 'm1', 0, 0);
    insert into help_requests (id, asker_id, kind, text, here_today, state, helper_id, how, told, created_at) values ('h1', 'm1', 'quick', 'VAT?', 1, 'claimed', 'm2', 'come over', 1, 0);
    insert into help_request_skills values ('h1', 'vat');
    insert into mentor_offers values ('m2', 3, '', 1, 0);
    insert into mentoring_skills values ('m2', 'mentor', 'bookkeeping');
    insert into commitments (id, member_id, text, due_on, state, created_at) values ('c1', 'm1', 'Send the tender', '2026-12-01', 'open', 0);
    insert into commitment_partners values ('c1', 'm2');
    insert into events (id, site_id, kind, title, description, starts_at, ends_at, booking_id, room_id, venue, capacity, guests_allowed, price_minor, state, created_at, updated_at)
      values ('e1', 's1', 'breakfast', 'Members breakfast', '', 1800000000000, 1800003600000, null, null, 'Kitchen', 12, 0, 0, 'scheduled', 0, 0);
    insert into event_hosts values ('e1', 'm1');
    insert into event_rsvps (id, event_id, member_id, state, seq, created_at, updated_at) values ('v1', 'e1', 'm2', 'going', 1, 0, 0);`,
  11: `
    insert into coop values (1, 'Old Mill Co-op', 'GBP', 'Europe/London', 14, 0, 0);
    insert into sites (id, name, address, time_zone, created_at, updated_at) values ('s1', 'Old Mill', '1 Mill Lane', 'Europe/London', 0, 0);
    insert into site_hours values ('s1', 1, '08:00', '18:00');
    insert into members (id, number, name, email, phone, business_name, business_description, website, member_since, status, role, notes, archived_at, created_at, updated_at, share_contact, listed)
      values ('m1', 1, 'Ana Ribeiro', 'ana@example.coop', '', 'Ribeiro Design', '', '', '2024-01-10', 'active', 'guardian', 'keeps the keys', null, 0, 0, 1, 1);
    insert into member_tags values ('m1', 'offers', 'web design');
    insert into members_fts (rowid, name, business, tags, email) values (1, 'Ana Ribeiro', 'Ribeiro Design', 'web design', 'ana@example.coop');
    insert into bookables values ('b1', 's1', 'room', 'Old Room', '', 6, '[]', 1000, null, '{}', null, 0, 0);
    insert into bookings (id, bookable_id, member_id, quantity, units, start_ms, end_ms, occ_start_ms, occ_end_ms, status, currency, created_at, updated_at)
      values ('k1', 'b1', 'm1', 2, 1, 1800000000000, 1800003600000, 1800000000000, 1800003600000, 'confirmed', 'GBP', 0, 0);
    insert into presence values ('p1', 'm1', 's1', 1700000000000, 1700003600000);
    insert into audit_log (id, at, actor_role, actor_member_id, channel, record_id, details, actor_account_id, actor_name) values ('a1', 0, 'manager', null, 'members.create', 'm1', '{}', null, '');
    insert into bids (id, title, client, description, estimated_value_minor, currency, source, visibility, stage, lead_member_id, lessons, created_by_member_id, created_at, updated_at)
      values ('bid1', 'Old tender', 'County', '', 500000, 'GBP', 'member', 'open', 'forming', 'm1', '', 'm1', 0, 0);
    insert into bid_skills values ('bid1', 'web design', 3);
    insert into bid_team (bid_id, member_id, status, role, work_share, revenue_share, invited_at) values ('bid1', 'm1', 'accepted', 'Lead', 10000, 10000, 0);
    insert into accounts (id, kind, member_id, name, email, role, created_at, updated_at) values ('acc1', 'member', 'm1', 'Ana Ribeiro', 'ana@example.coop', 'member', 0, 0);
    insert into notifications (id, recipient_id, kind, title, created_at) values ('n1', 'm1', 'news', 'Welcome', 0);
    insert into portal_settings (id, enabled, address, port, updated_at) values (1, 0, '', 8443, 0);
    insert into calendar_feeds values ('m1', 'hash-of-a-token', 0, null);
    insert into members (id, number, name, email, phone, business_name, business_description, website, member_since, status, role, notes, archived_at, created_at, updated_at, share_contact, listed)
      values ('m2', 2, 'Kasia Nowak', 'kasia@example.coop', '', '', '', '', '2024-01-10', 'active', 'member', '', null, 0, 0, 0, 1);
    insert into tag_aliases values ('web designer', 'web design', 0);
    insert into referrals values ('r1', 'm1', 'm2', 'Millbrook Bakery', 'accounts', 'warm', 1, 0);
    insert into referral_moves values ('r1', 1, 'm1', 'm2', 'passed', '2026-11-01', null, 'm1', 0);
    insert into exchanges values ('x1', 'm1', 'm2', 60, 'VAT question', '2026-11-01', 'confirmed', 'm1', 0, 0);
    insert into help_requests (id, asker_id, kind, text, here_today, state, helper_id, how, told, created_at) values ('h1', 'm1', 'quick', 'VAT?', 1, 'claimed', 'm2', 'come over', 1, 0);
    insert into help_request_skills values ('h1', 'vat');
    insert into mentor_offers values ('m2', 3, '', 1, 0);
    insert into mentoring_skills values ('m2', 'mentor', 'bookkeeping');
    insert into commitments (id, member_id, text, due_on, state, created_at) values ('c1', 'm1', 'Send the tender', '2026-12-01', 'open', 0);
    insert into commitment_partners values ('c1', 'm2');
    insert into events (id, site_id, kind, title, description, starts_at, ends_at, booking_id, room_id, venue, capacity, guests_allowed, price_minor, state, created_at, updated_at)
      values ('e1', 's1', 'breakfast', 'Members breakfast', '', 1800000000000, 1800003600000, null, null, 'Kitchen', 12, 0, 0, 'scheduled', 0, 0);
    insert into event_hosts values ('e1', 'm1');
    insert into event_rsvps (id, event_id, member_id, state, seq, created_at, updated_at) values ('v1', 'e1', 'm2', 'going', 1, 0, 0);
    insert into communities (id, site_id, name, topic, description, created_at, updated_at) values ('c1', 's1', 'Web makers', 'Websites', '', 0, 0);
    insert into community_members values ('c1', 'm1', 'facilitator', 0, null);
    insert into community_resources (id, community_id, kind, title, url, body, added_by_member_id, added_at) values ('cr1', 'c1', 'link', 'Checklist', 'https://example.org', '', 'm1', 0);`,
  12: `
    insert into coop values (1, 'Old Mill Co-op', 'GBP', 'Europe/London', 14, 0, 0);
    insert into sites (id, name, address, time_zone, created_at, updated_at) values ('s1', 'Old Mill', '1 Mill Lane', 'Europe/London', 0, 0);
    insert into site_hours values ('s1', 1, '08:00', '18:00');
    insert into members (id, number, name, email, phone, business_name, business_description, website, member_since, status, role, notes, archived_at, created_at, updated_at, share_contact, listed)
      values ('m1', 1, 'Ana Ribeiro', 'ana@example.coop', '', 'Ribeiro Design', '', '', '2024-01-10', 'active', 'guardian', 'keeps the keys', null, 0, 0, 1, 1);
    insert into member_tags values ('m1', 'offers', 'web design');
    insert into members_fts (rowid, name, business, tags, email) values (1, 'Ana Ribeiro', 'Ribeiro Design', 'web design', 'ana@example.coop');
    insert into bookables values ('b1', 's1', 'room', 'Old Room', '', 6, '[]', 1000, null, '{}', null, 0, 0);
    insert into bookings (id, bookable_id, member_id, quantity, units, start_ms, end_ms, occ_start_ms, occ_end_ms, status, currency, created_at, updated_at)
      values ('k1', 'b1', 'm1', 2, 1, 1800000000000, 1800003600000, 1800000000000, 1800003600000, 'confirmed', 'GBP', 0, 0);
    insert into presence values ('p1', 'm1', 's1', 1700000000000, 1700003600000);
    insert into audit_log (id, at, actor_role, actor_member_id, channel, record_id, details, actor_account_id, actor_name) values ('a1', 0, 'manager', null, 'members.create', 'm1', '{}', null, '');
    insert into bids (id, title, client, description, estimated_value_minor, currency, source, visibility, stage, lead_member_id, lessons, created_by_member_id, created_at, updated_at)
      values ('bid1', 'Old tender', 'County', '', 500000, 'GBP', 'member', 'open', 'forming', 'm1', '', 'm1', 0, 0);
    insert into bid_skills values ('bid1', 'web design', 3);
    insert into bid_team (bid_id, member_id, status, role, work_share, revenue_share, invited_at) values ('bid1', 'm1', 'accepted', 'Lead', 10000, 10000, 0);
    insert into accounts (id, kind, member_id, name, email, role, created_at, updated_at) values ('acc1', 'member', 'm1', 'Ana Ribeiro', 'ana@example.coop', 'member', 0, 0);
    insert into notifications (id, recipient_id, kind, title, created_at) values ('n1', 'm1', 'news', 'Welcome', 0);
    insert into portal_settings (id, enabled, address, port, updated_at) values (1, 0, '', 8443, 0);
    insert into calendar_feeds values ('m1', 'hash-of-a-token', 0, null);
    insert into members (id, number, name, email, phone, business_name, business_description, website, member_since, status, role, notes, archived_at, created_at, updated_at, share_contact, listed)
      values ('m2', 2, 'Kasia Nowak', 'kasia@example.coop', '', '', '', '', '2024-01-10', 'active', 'member', '', null, 0, 0, 0, 1);
    insert into tag_aliases values ('web designer', 'web design', 0);
    insert into referrals values ('r1', 'm1', 'm2', 'Millbrook Bakery', 'accounts', 'warm', 1, 0);
    insert into referral_moves values ('r1', 1, 'm1', 'm2', 'passed', '2026-11-01', null, 'm1', 0);
    insert into exchanges values ('x1', 'm1', 'm2', 60, 'VAT question', '2026-11-01', 'confirmed', 'm1', 0, 0);
    insert into help_requests (id, asker_id, kind, text, here_today, state, helper_id, how, told, created_at) values ('h1', 'm1', 'quick', 'VAT?', 1, 'claimed', 'm2', 'come over', 1, 0);
    insert into help_request_skills values ('h1', 'vat');
    insert into mentor_offers values ('m2', 3, '', 1, 0);
    insert into mentoring_skills values ('m2', 'mentor', 'bookkeeping');
    insert into commitments (id, member_id, text, due_on, state, created_at) values ('c1', 'm1', 'Send the tender', '2026-12-01', 'open', 0);
    insert into commitment_partners values ('c1', 'm2');
    insert into events (id, site_id, kind, title, description, starts_at, ends_at, booking_id, room_id, venue, capacity, guests_allowed, price_minor, state, created_at, updated_at)
      values ('e1', 's1', 'breakfast', 'Members breakfast', '', 1800000000000, 1800003600000, null, null, 'Kitchen', 12, 0, 0, 'scheduled', 0, 0);
    insert into event_hosts values ('e1', 'm1');
    insert into event_rsvps (id, event_id, member_id, state, seq, created_at, updated_at) values ('v1', 'e1', 'm2', 'going', 1, 0, 0);
    insert into communities (id, site_id, name, topic, description, created_at, updated_at) values ('c1', 's1', 'Web makers', 'Websites', '', 0, 0);
    insert into community_members values ('c1', 'm1', 'facilitator', 0, null);
    insert into community_resources (id, community_id, kind, title, url, body, added_by_member_id, added_at) values ('cr1', 'c1', 'link', 'Checklist', 'https://example.org', '', 'm1', 0);
    insert into proposals (id, number, title, body, kind, proposer_id, state, secret, quorum_pct, threshold, opens_at, closes_at, created_at, updated_at)
      values ('pr1', 1, 'Longer hours', 'Open until 20:00', 'decision', 'm1', 'discussion', 0, 50, 'majority', 1900000000000, 1900600000000, 0, 0);
    insert into coop_rules values (1, 'One owner, one vote.', null, 0);`,
  13: SCHEMA_13,
  14: SCHEMA_14,
  // schema 15 added counts derived from the members' tags only
  15: SCHEMA_14,
};

describe('upgrading a database written by every earlier version', () => {
  it('has a fixture for every version but the latest', () => {
    expect(Object.keys(FIXTURES).map(Number)).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION - 1 }, (_, i) => i + 1));
  });

  for (let version = 1; version < migrations.length; version++) {
    it(`from schema ${version} to ${LATEST_SCHEMA_VERSION}, keeping the data, with a backup first`, async () => {
      const dataDir = tempDir();
      const old = await openDatabase({ dataDir, upTo: version });
      expect(old.schemaVersion).toBe(version);
      old.sqlite.exec(FIXTURES[version]);
      // the shared manager password of schema 5 (a real hash: it must sign in after the upgrade)
      if (version === 5) old.sqlite.prepare("insert into app_secrets values ('manager-password', ?, 0)").run(await hashSecret('front desk 2026'));
      await old.close();

      const t = await startTestCoop({ dataDir });
      expect(t.coop.database.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      const ana = (await t.call('members.list', { q: 'web' })).rows[0];
      expect(ana).toMatchObject({ name: 'Ana Ribeiro', role: 'guardian', offers: ['web design'], number: 1 });
      expect((await t.call('settings.get', {})).site).toMatchObject({ name: 'Old Mill', timeZone: 'Europe/London' });
      // what the new version adds works on the upgraded data
      const room = await t.call('bookables.create', { siteId: 's1', kind: 'room', name: 'Garden Room', capacity: 6 });
      expect(room.rules.slotMinutes).toBe(15);
      if (version >= 2) expect((await t.call('bookings.get', { id: 'k1' })).bookableName).toBe('Old Room');
      expect(await t.call('frontdesk.checkIn', { memberId: ana.id })).toMatchObject({ name: 'Ana Ribeiro' });
      if (version >= 3) expect((await t.call('frontdesk.presence', { memberId: ana.id })).length).toBe(2);
      if (version >= 4) expect((await t.call('bids.get', { id: 'bid1' })).members.map((m) => m.name)).toEqual(['Ana Ribeiro']);
      if (version === 5) {
        // the shared password is now the first manager's account, nameless until she says her name; old locks are lifted
        const desk: Session = { mode: 'kiosk', actor: { role: 'kiosk', memberId: null } };
        const signedIn = await t.coop.api.dispatch('auth.signIn', { who: '', password: 'front desk 2026' }, desk);
        expect(signedIn).toMatchObject({ ok: true, data: { mode: 'manager', needsName: true, account: { role: 'manager', name: '' } } });
        await t.coop.api.dispatch('auth.updateMe', { name: 'Kasia Nowak', email: 'kasia@example.coop' }, desk);
        expect(await t.coop.api.dispatch('auth.status', {}, desk)).toMatchObject({ ok: true, data: { needsName: false, account: { name: 'Kasia Nowak' } } });
        expect(await t.call('auth.lockouts', {})).toEqual([]);
      }
      // the business network reads the members' tags as they were
      expect((await t.call('network.gaps', {})).unneededOffers).toEqual([{ tag: 'web design', members: 1 }]);
      const bid = await t.call('bids.create', { title: 'Joint bid', skills: [{ tag: 'web design', days: 3 }] });
      expect((await t.call('bids.suggestTeam', { id: bid.id })).ranked.map((r) => r.name)).toEqual(['Ana Ribeiro']);
      // an event of schema 10 is a one-off after the upgrade, with its reply
      if (version >= 10) expect(await t.call('events.get', { id: 'e1' })).toMatchObject({ seriesId: null, series: null, going: 1 });
      if (version >= 11) expect(await t.call('communities.get', { id: 'c1' })).toMatchObject({ name: 'Web makers', resources: [{ title: 'Checklist' }] });
      if (version >= 12) expect(await t.call('governance.get', { id: 'pr1' })).toMatchObject({ title: 'Longer hours', state: 'discussion' });
      // a plan of schema 13 gives its credits to bookings made after the upgrade
      if (version >= 13) {
        expect((await t.call('money.memberPlan', { memberId: 'm1' })).current).toMatchObject({ plan: { name: 'Flex 8' }, roomHours: 4 });
        expect((await t.call('bookings.get', { id: 'k1' })).price).toBe(0);
      }
      if (version >= 14) expect((await t.call('money.statement', { id: 'st1' })).total).toBe(14400);
      // governance reads the register's owners as they were: every member joined in January 2024
      const proposal = await t.call('governance.create', {
        title: 'Longer opening hours',
        body: 'Open until 20:00 on Thursdays.',
        kind: 'decision',
        opensDate: '2030-01-07',
        opensTime: '09:00',
        closesDate: '2030-01-14',
        closesTime: '18:00',
      });
      const owners = (await t.call('members.list', { ownership: 'owners' })).total;
      expect(owners).toBeGreaterThan(0);
      expect((await t.call('governance.openVoting', { id: proposal.id })).eligible).toBe(owners);
      const backups = readdirSync(join(dataDir, 'backups')).filter((n) => n.startsWith('pre-migration-'));
      expect(backups).toHaveLength(1);
      const copy = new Sqlite(join(dataDir, 'backups', backups[0]), { readonly: true });
      expect(copy.pragma('user_version', { simple: true })).toBe(version);
      copy.close();
      expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(true);
      await t.close();
    });
  }
});
