import * as z from 'zod';
import { uniqueTags } from '../domain/tags';
import type { Ownership } from '../domain/ownership';
import { command, query, contractPart } from './common';
import { byId, id, isoDate } from './fields';

export const MEMBER_STATUSES = ['active', 'paused', 'left'] as const;
export const MEMBER_ROLES = ['member', 'manager', 'guardian'] as const;
export const TAG_KINDS = ['offers', 'needs'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export type MemberRole = (typeof MEMBER_ROLES)[number];
export type TagKind = (typeof TAG_KINDS)[number];

const tag = z.string().trim().min(1, 'A tag cannot be empty').max(60, 'Keep a tag under 60 characters');
const tagList = z.array(tag, { error: 'Tags must be a list' }).max(40, 'At most 40 tags').transform(uniqueTags);

const optionalText = (max: number, label: string) => z.string().trim().max(max, `${label} is too long (at most ${max} characters)`).default('');

const website = z
  .string()
  .trim()
  .max(300, 'Website is too long')
  .transform((v) => (v && !/^[a-z][a-z0-9+.-]*:/i.test(v) ? `https://${v}` : v))
  .refine((v) => v === '' || /^https?:\/\/[^\s/$.?#][^\s]*\.[^\s]+$/i.test(v), {
    message: 'Enter a web address such as example.coop',
  })
  .default('');

/** What a person enters for a member (create and edit share it). */
export const memberFields = z.object({
  name: z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(120, 'Name is too long'),
  email: z
    .string({ error: 'Email is required' })
    .trim()
    .toLowerCase()
    .min(1, 'Email is required')
    .max(254, 'Email is too long')
    .pipe(z.email({ message: 'Enter an email address like ana@example.coop' })),
  phone: z
    .string()
    .trim()
    .max(40, 'Phone is too long')
    .regex(/^[+0-9 ()./-]*$/, 'Use digits, spaces and + ( ) - only')
    .default(''),
  businessName: optionalText(160, 'Business name'),
  businessDescription: optionalText(2000, 'Description'),
  website,
  memberSince: isoDate,
  status: z.enum(MEMBER_STATUSES, { error: 'Status is active, paused or left' }).default('active'),
  role: z.enum(MEMBER_ROLES, { error: 'Role is member, manager or guardian' }).default('member'),
  offers: tagList.default([]),
  needs: tagList.default([]),
  notes: optionalText(5000, 'Notes'),
  /** Whether other members see this member's email and phone (the front desk always does). */
  shareContact: z.boolean().default(false),
  /** Whether other members find this member in the directory (the portal's and the kiosk's); the front desk always does. */
  listed: z.boolean().default(false),
});
export type MemberFields = z.input<typeof memberFields>;

/** What a member changes about themselves (the portal's profile): what they offer and need, and what others see. */
export const memberProfile = memberFields.pick({
  phone: true,
  businessName: true,
  businessDescription: true,
  website: true,
  offers: true,
  needs: true,
  shareContact: true,
  listed: true,
});
export type MemberProfile = z.input<typeof memberProfile>;

export const MEMBER_SORTS = ['name', 'business', 'memberSince', 'number'] as const;

export const memberListQuery = z.object({
  q: z.string().trim().max(200, 'Search is too long').default(''),
  status: z.enum([...MEMBER_STATUSES, 'all']).default('all'),
  role: z.enum([...MEMBER_ROLES, 'all']).default('all'),
  tag: z.string().trim().max(60).default(''),
  ownership: z.enum(['all', 'owners', 'not-yet']).default('all'),
  archived: z.enum(['hide', 'only', 'include']).default('hide'),
  sort: z.enum(MEMBER_SORTS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  limit: z.number().int().min(1).max(1000).default(200),
  offset: z.number().int().min(0).max(10_000_000).default(0),
});
export type MemberListQuery = z.input<typeof memberListQuery>;

export interface MemberSummary {
  id: string;
  number: number;
  name: string;
  /** Empty for other members unless this member shares their contact details. */
  email: string;
  phone: string;
  shareContact: boolean;
  /** Listed in the members' directory: other members find only those who are. */
  listed: boolean;
  businessName: string;
  memberSince: string;
  status: MemberStatus;
  role: MemberRole;
  offers: string[];
  needs: string[];
  archivedAt: string | null;
  ownership: Ownership;
}

export interface Member extends MemberSummary {
  businessDescription: string;
  website: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface TagCount {
  tag: string;
  offers: number;
  needs: number;
}

export interface ImportRow {
  /** Line in the CSV file (the header is line 1). */
  line: number;
  name: string;
  email: string;
  outcome: 'create' | 'reject';
  /** Why the row is rejected: field -> message. */
  errors: Record<string, string>;
}

export interface ImportReport {
  dryRun: boolean;
  rows: ImportRow[];
  created: number;
  rejected: number;
}

/** Columns of the members CSV, in order; import accepts them in any order. */
export const MEMBER_CSV_COLUMNS = [
  'number',
  'name',
  'email',
  'phone',
  'business_name',
  'business_description',
  'website',
  'member_since',
  'status',
  'role',
  'offers',
  'needs',
  'notes',
] as const;

export const membersContract = contractPart('members', 'Members', ['members.changed'], {
  'members.list': query<{ total: number; rows: MemberSummary[] }>()(memberListQuery, 'member'),
  'members.get': query<Member>()(byId, 'member'),
  'members.create': command<Member>()(memberFields, 'desk', { audit: 'added the member' }),
  'members.update': command<Member>()(memberFields.extend({ id }), 'desk', { audit: 'edited the member' }),
  'members.archive': command<Member>()(byId, 'desk', { audit: 'archived the member' }),
  'members.restore': command<Member>()(byId, 'desk', { audit: 'restored the member' }),
  'members.tag': command<Member>()(
    z.object({
      id,
      op: z.enum(['add', 'remove'], { error: 'Unknown tag operation: use add or remove' }),
      kind: z.enum(TAG_KINDS, { error: 'Tag kind is offers or needs' }),
      tag,
    }),
    'desk',
    { audit: 'changed the tags of' },
  ),
  'members.updateProfile': command<Member>()(memberProfile, 'member', { audit: 'updated their profile' }),
  'members.tags': query<TagCount[]>()(z.object({}), 'member'),
  'members.importCsv': command<ImportReport>()(
    z.object({
      csv: z.string().max(5_000_000, 'The file is too large (5 MB at most)'),
      dryRun: z.boolean().default(true),
    }),
    'manager',
    // 5 MB of CSV, with JSON’s escapes
    { audit: 'imported members from CSV', maxBody: 8 * 1024 * 1024 },
  ),
  'members.exportCsv': query<{ filename: string; csv: string }>()(z.object({ includeArchived: z.boolean().default(true) }), 'manager'),
});
