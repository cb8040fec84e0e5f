import * as z from 'zod';
import { normalizeTag } from '../domain/tags';
import { command, contractPart, query } from './common';
import { type EventSummary, eventFields, MAX_EVENTS_IN_SERIES } from './events.contract';
import { byId, clockTime, empty, id, isoDate } from './fields';
import type { MemberRef } from './network.contract';

/** Communities of practice: a topic, facilitators, members who join and leave, sessions and a library. */

export type CommunityRole = 'facilitator' | 'member';
export const RESOURCE_KINDS = ['link', 'note', 'recording', 'file'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export interface CommunitySummary {
  id: string;
  name: string;
  topic: string;
  description: string;
  members: number;
  facilitators: MemberRef[];
  /** The viewer's place in it (null: not joined, or the desk). */
  mine: CommunityRole | null;
  nextSession: { id: string; title: string; startsAt: string } | null;
  archived: boolean;
}

export interface Resource {
  id: string;
  kind: ResourceKind;
  title: string;
  url: string;
  body: string;
  /** A file's size in bytes (null for links, notes and recordings). */
  size: number | null;
  addedBy: MemberRef | null;
  addedAt: string;
  mayRemove: boolean;
}

export interface CommunityDetail extends CommunitySummary {
  /** Who is in it: all for the desk and facilitators; for a member, those listed in the directory and themselves. */
  people: { member: MemberRef; role: CommunityRole; joinedAt: string }[];
  /** Its sessions: coming ones, then the last few. */
  sessions: EventSummary[];
  /** Its library: for those who joined, and the desk (empty otherwise). */
  resources: Resource[];
  /** The skills the viewer offers, for a peer session (a member who joined). */
  mySkills: string[];
  mayManage: boolean;
}

const text = (max: number, label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `Too long (at most ${max} characters)`);
const forMember = id.nullable().default(null);
const session = {
  title: eventFields.title,
  description: eventFields.description,
  date: isoDate,
  startTime: clockTime,
  endTime: clockTime,
  roomId: eventFields.roomId,
  venue: eventFields.venue,
  capacity: eventFields.capacity,
};
const times = <T extends { startTime: string; endTime: string; roomId: string | null; venue: string }>(s: z.ZodType<T>) =>
  s
    .refine((e) => e.startTime < e.endTime, { message: 'The end must be after the start', path: ['endTime'] })
    .refine((e) => e.roomId !== null || e.venue !== '', { message: 'Choose a room, or say where (“Meeting corner”, a link)', path: ['venue'] });

/** A file in the library: its name and content (base64), at most 10 MB. */
const MAX_FILE_CHARS = 14_000_000;

export const communitiesContract = contractPart('communities', 'Communities of practice', ['communities.changed'], {
  'communities.list': query<CommunitySummary[]>()(empty, 'member'),
  'communities.get': query<CommunityDetail>()(byId, 'member'),
  'communities.create': command<CommunityDetail>()(
    z.object({
      name: text(80, 'a name'),
      topic: text(160, 'the topic'),
      description: z.string().trim().max(2000, 'Too long (at most 2,000 characters)').default(''),
      facilitatorIds: z.array(id).min(1, 'Choose at least one facilitator').max(5, 'At most 5 facilitators'),
    }),
    'desk',
    { audit: 'started a community of practice' },
  ),
  'communities.update': command<CommunityDetail>()(
    byId.extend({
      name: text(80, 'a name'),
      topic: text(160, 'the topic'),
      description: z.string().trim().max(2000, 'Too long (at most 2,000 characters)').default(''),
      archived: z.boolean().default(false),
    }),
    'member',
    { audit: 'changed a community of practice' },
  ),
  'communities.join': command<CommunityDetail>()(byId.extend({ memberId: forMember }), 'member', { audit: 'joined a community of practice' }),
  'communities.leave': command<CommunityDetail>()(byId.extend({ memberId: forMember }), 'member', { audit: 'left a community of practice' }),
  'communities.setRole': command<CommunityDetail>()(
    byId.extend({ memberId: id, role: z.enum(['facilitator', 'member'], { error: 'Facilitator or member' }) }),
    'member',
    { audit: 'changed who facilitates a community of practice' },
  ),
  'communities.addResource': command<CommunityDetail>()(
    z
      .object({
        communityId: id,
        kind: z.enum(RESOURCE_KINDS, { error: 'A link, a note, a recording or a file' }),
        title: text(160, 'a title'),
        url: z.string().trim().max(2000, 'Too long').default(''),
        body: z.string().trim().max(20_000, 'Too long (at most 20,000 characters)').default(''),
        /** A file's content, base64. */
        content: z.string().max(MAX_FILE_CHARS, 'A file is at most 10 MB').default(''),
      })
      .refine((r) => !(r.kind === 'link' || r.kind === 'recording') || /^https?:\/\/\S+$/i.test(r.url), {
        message: 'Give a web address starting with https://',
        path: ['url'],
      })
      .refine((r) => r.kind !== 'note' || r.body !== '', { message: 'Write the note', path: ['body'] })
      .refine((r) => r.kind !== 'file' || r.content !== '', { message: 'Choose a file', path: ['content'] }),
    'member',
    { audit: 'added to the library of a community of practice', maxBody: 16 * 1024 * 1024 },
  ),
  'communities.removeResource': command<CommunityDetail>()(byId, 'member', { audit: 'removed from the library of a community of practice' }),
  'communities.openFile': query<{ name: string; opened: boolean; content?: string }>()(byId, 'member'),
  /** A session planned by the desk or a facilitator: one-off or recurring. */
  'communities.addSession': command<CommunityDetail>()(
    times(
      z.object({
        communityId: id,
        ...session,
        kind: eventFields.kind,
        hostIds: eventFields.hostIds,
        repeat: eventFields.repeat,
      }),
    ).refine((e) => e.repeat === null || e.repeat.count === undefined || e.repeat.count <= MAX_EVENTS_IN_SERIES, {
      message: `At most ${MAX_EVENTS_IN_SERIES} sessions in a series`,
      path: ['repeat', 'count'],
    }),
    'member',
    { audit: 'planned a session of a community of practice' },
  ),
  /** Peer training: a member who joined offers a session in a skill they offer; others sign up to it as to any event. */
  'communities.offerSession': command<CommunityDetail>()(
    times(
      z.object({
        communityId: id,
        skill: z.string({ error: 'Choose the skill' }).trim().min(1, 'Choose the skill').max(60).transform(normalizeTag),
        ...session,
      }),
    ),
    'member',
    { audit: 'offered a peer training session' },
  ),
});
