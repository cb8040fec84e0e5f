/** Table types for Kysely. Instants are INTEGER ms since the epoch (UTC); dates are TEXT YYYY-MM-DD. */

export interface CoopTable {
  id: number; // always 1: the co-op this database belongs to
  name: string;
  currency: string;
  time_zone: string;
  ownership_months: number;
  created_at: number;
  updated_at: number;
}

export interface SitesTable {
  id: string;
  name: string;
  address: string;
  time_zone: string;
  created_at: number;
  updated_at: number;
}

export interface SiteHoursTable {
  site_id: string;
  weekday: number; // 1 = Monday … 7 = Sunday (ISO)
  opens: string | null; // 'HH:MM' in the site's zone; null = closed all day
  closes: string | null;
}

export interface MembersTable {
  id: string;
  number: number;
  name: string;
  email: string;
  phone: string;
  business_name: string;
  business_description: string;
  website: string;
  member_since: string;
  status: 'active' | 'paused' | 'left';
  role: 'member' | 'manager' | 'guardian';
  notes: string;
  archived_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface MemberTagsTable {
  member_id: string;
  kind: 'offers' | 'needs';
  tag: string;
}

export interface DB {
  coop: CoopTable;
  sites: SitesTable;
  site_hours: SiteHoursTable;
  members: MembersTable;
  member_tags: MemberTagsTable;
}
