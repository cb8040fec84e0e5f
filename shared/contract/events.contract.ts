import * as z from 'zod';
import { EVENT_KINDS, type EventKind, type EventState, type RsvpState } from '../domain/events';
import { normalizeTag } from '../domain/tags';
import { command, contractPart, query } from './common';
import { SCOPES, recurrenceSchema } from './bookings.contract';
import { byId, clockTime, id, instant, isoDate } from './fields';
import type { MemberRef } from './network.contract';

/** The most events one series makes: a weekly event for a year. */
export const MAX_EVENTS_IN_SERIES = 60;

export interface EventSummary {
  id: string;
  kind: EventKind;
  title: string;
  startsAt: string;
  endsAt: string;
  /** The room's name, or the outside venue's address. */
  where: string;
  roomId: string | null;
  capacity: number;
  going: number;
  waitlisted: number;
  state: EventState;
  /** The series this is one of (the monthly breakfast), or null for a one-off. */
  seriesId: string | null;
  communityId: string | null;
  guestsAllowed: boolean;
  priceMinor: number;
  currency: string;
  /** The viewer's own reply (a member), or null. */
  mine: { rsvpId: string; state: RsvpState; place: number | null } | null;
}

export interface Rsvp {
  id: string;
  member: MemberRef | null;
  guestName: string;
  state: RsvpState;
  /** The waitlist's order (1 first), null when going or cancelled. */
  place: number | null;
  attended: boolean;
  walkIn: boolean;
}

export interface EventDetail extends EventSummary {
  description: string;
  hosts: MemberRef[];
  rsvpDeadline: string | null;
  minAttendees: number | null;
  decideBy: string | null;
  /** Going and waitlisted (the desk: with guests and who came; a member: members going). */
  rsvps: Rsvp[];
  attended: number;
  /** "Every month on the same weekday, 6 times", and this one's place in it. */
  series: { rule: string; index: number; total: number } | null;
}

const money = z.number({ error: 'Enter a price' }).int('In whole cents/pence').min(0, 'A price is not negative').max(10_000_000, 'Too high');
/** A fair: who exhibits (members, with what they offer) and the needs visitors told, each with who in the co-op offers it. */
export interface Fair {
  exhibitors: { member: MemberRef; stand: string; offers: string[] }[];
  needs: {
    id: string;
    tag: string;
    /** The visitor: a member by name, or a guest (name and contact: the desk only). */
    visitor: string;
    contact: string;
    /** Members who offer it, exhibitors first, best match first. */
    offeredBy: (MemberRef & { exhibitor: boolean })[];
  }[];
}

export const eventFields = {
  kind: z.enum(EVENT_KINDS, { error: 'Choose a kind of event' }),
  title: z.string({ error: 'Enter a title' }).trim().min(1, 'Enter a title').max(160, 'Keep the title under 160 characters'),
  description: z.string().trim().max(4000, 'Too long (at most 4,000 characters)').default(''),
  hostIds: z.array(id).min(1, 'Choose at least one host').max(10, 'At most 10 hosts'),
  date: isoDate,
  startTime: clockTime,
  endTime: clockTime,
  /** A room of ours (booked through the booking engine), or null for an outside venue. */
  roomId: id.nullable().default(null),
  venue: z.string().trim().max(300, 'Too long (at most 300 characters)').default(''),
  capacity: z.number({ error: 'Enter how many can come' }).int('Whole people').min(1, 'At least one place').max(5000, 'At most 5,000'),
  guestsAllowed: z.boolean().default(false),
  priceMinor: money.default(0),
  rsvpDeadline: instant.nullable().default(null),
  minAttendees: z.number().int('Whole people').min(1, 'At least one').max(5000).nullable().default(null),
  decideBy: instant.nullable().default(null),
  /** Repeats it (the monthly breakfast): each occurrence an event with its own room booking and replies. */
  repeat: recurrenceSchema.nullable().default(null),
};

const scope = z.enum(SCOPES, { error: 'Choose this event, this and the following, or all' }).default('this');

export const eventsContract = contractPart('events', 'Events', ['events.changed'], {
  'events.list': query<EventSummary[]>()(z.object({ from: isoDate, to: isoDate }), 'member'),
  'events.get': query<EventDetail>()(byId, 'member'),
  'events.create': command<EventDetail>()(
    z
      .object(eventFields)
      .refine((e) => e.startTime < e.endTime, { message: 'The end must be after the start', path: ['endTime'] })
      .refine((e) => e.roomId !== null || e.venue !== '', { message: 'Choose a room, or give the venue’s address', path: ['venue'] })
      .refine((e) => (e.minAttendees === null) === (e.decideBy === null), {
        message: 'Give both the fewest who must come and when to decide',
        path: ['decideBy'],
      })
      .refine((e) => e.repeat === null || e.repeat.count === undefined || e.repeat.count <= MAX_EVENTS_IN_SERIES, {
        message: `At most ${MAX_EVENTS_IN_SERIES} events in a series`,
        path: ['repeat', 'count'],
      })
      .refine((e) => e.repeat?.until === undefined || e.repeat.until >= e.date, { message: 'The series ends before it starts', path: ['repeat', 'until'] }),
    'desk',
    { audit: 'created an event' },
  ),
  'events.update': command<EventDetail>()(
    byId
      .extend({
        title: eventFields.title,
        description: eventFields.description,
        capacity: eventFields.capacity,
        rsvpDeadline: eventFields.rsvpDeadline,
        /** New times on each event's own day (kept on the wall clock across daylight-saving changes); the room is booked again. */
        startTime: clockTime.optional(),
        endTime: clockTime.optional(),
        scope,
      })
      .refine((e) => (e.startTime === undefined) === (e.endTime === undefined), { message: 'Give both times, or neither', path: ['endTime'] })
      .refine((e) => e.startTime === undefined || e.endTime === undefined || e.startTime < e.endTime, {
        message: 'The end must be after the start',
        path: ['endTime'],
      }),
    'desk',
    { audit: 'changed an event' },
  ),
  'events.cancel': command<EventDetail>()(byId.extend({ reason: z.string().trim().max(300).default(''), scope }), 'desk', { audit: 'cancelled an event' }),
  'events.rsvp': command<Rsvp>()(
    z.object({ eventId: id, memberId: id.nullable().default(null), guestName: z.string().trim().max(120, 'Guest name is too long').default('') }),
    'member',
    { audit: 'replied to an event' },
  ),
  'events.cancelRsvp': command<Rsvp>()(byId, 'member', { audit: 'cancelled a reply to an event' }),
  'events.checkIn': command<Rsvp>()(
    z.object({ eventId: id, memberId: id.nullable().default(null), guestName: z.string().trim().max(120, 'Guest name is too long').default('') }),
    'member',
    { audit: 'checked in at an event' },
  ),
  'events.fair': query<Fair>()(byId, 'member'),
  'events.addExhibitor': command<Fair>()(
    z.object({ eventId: id, memberId: id, stand: z.string().trim().max(60, 'Keep the stand under 60 characters').default('') }),
    'desk',
    { audit: 'added an exhibitor to a fair' },
  ),
  'events.removeExhibitor': command<Fair>()(z.object({ eventId: id, memberId: id }), 'desk', { audit: 'removed an exhibitor from a fair' }),
  /** A visitor's needs noted at a fair: a member's join their needs (and the matching everywhere); a guest's stay with the fair, with a contact. */
  'events.noteNeeds': command<Fair>()(
    z.object({
      eventId: id,
      memberId: id.nullable().default(null),
      visitorName: z.string().trim().max(120, 'Too long').default(''),
      contact: z.string().trim().max(200, 'Too long').default(''),
      tags: z
        .array(z.string().trim().min(1).max(60, 'Keep a need under 60 characters').transform(normalizeTag))
        .min(1, 'Note at least one need')
        .max(10, 'At most 10 needs at once'),
    }),
    'member',
    { audit: 'noted needs told at a fair' },
  ),
  'events.attendance': query<{
    byMember: { member: MemberRef; attended: number; noShows: number }[];
    byKind: { kind: EventKind; events: number; attended: number }[];
  }>()(z.object({ from: isoDate, to: isoDate }), 'desk'),
});
