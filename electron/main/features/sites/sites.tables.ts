/** The sites feature's tables, as Kysely sees them (joined into the database type in `db/schema.ts`). */
export interface SitesTable {
  id: string;
  name: string;
  address: string;
  time_zone: string;
  booking_rules: string; // JSON BookingRules: the site's defaults
  created_at: number;
  updated_at: number;
}

export interface SiteHoursTable {
  site_id: string;
  weekday: number; // 1 = Monday … 7 = Sunday (ISO)
  opens: string | null; // 'HH:MM' in the site's zone; null = closed all day
  closes: string | null;
}

export interface SiteClosuresTable {
  site_id: string;
  date: string;
  reason: string;
}

export interface SitesTables {
  sites: SitesTable;
  site_hours: SiteHoursTable;
  site_closures: SiteClosuresTable;
}
