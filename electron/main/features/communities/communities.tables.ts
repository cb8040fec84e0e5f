import type { CommunityRole, ResourceKind } from '@shared/contract/communities.contract';

/** Communities of practice, as Kysely sees them (joined into the database type in `db/schema.ts`). Schema 11. */

export interface CommunitiesTable {
  id: string;
  site_id: string;
  name: string;
  topic: string;
  description: string;
  archived_at: number | null;
  created_at: number;
  updated_at: number;
}

/** Who is in a community: joined, and left (kept, so that coming back keeps the first joining date out of it). */
export interface CommunityMembersTable {
  community_id: string;
  member_id: string;
  role: CommunityRole;
  joined_at: number;
  left_at: number | null;
}

/** The library: links, notes, recordings of trainings by link, and files in documents/<community id>/. */
export interface CommunityResourcesTable {
  id: string;
  community_id: string;
  kind: ResourceKind;
  title: string;
  url: string;
  body: string;
  stored_name: string | null;
  size: number | null;
  added_by_member_id: string | null;
  added_at: number;
}

export interface CommunitiesTables {
  communities: CommunitiesTable;
  community_members: CommunityMembersTable;
  community_resources: CommunityResourcesTable;
}
