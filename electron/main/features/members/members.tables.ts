/** The members feature's tables, as Kysely sees them (joined into the database type in `db/schema.ts`). */
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
  /** 1: email and phone are shown to other members (schema 5). */
  share_contact: number;
  /** 1: listed in the members' directory, on the portal and the kiosk (schema 7). */
  listed: number;
  archived_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface MemberTagsTable {
  member_id: string;
  kind: 'offers' | 'needs';
  tag: string;
}

export interface MembersTables {
  members: MembersTable;
  member_tags: MemberTagsTable;
}
