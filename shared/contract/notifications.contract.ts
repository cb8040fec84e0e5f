import * as z from 'zod';
import { command, contractPart, query } from './common';
import { empty, id } from './fields';

/** What a person can be told, in words for their preferences; `staff` kinds go to every staff account. */
export const NOTIFICATION_KINDS = {
  'booking-approved': { label: 'A booking of mine was approved', staff: false },
  'booking-declined': { label: 'A booking of mine was declined', staff: false },
  'booking-pending': { label: 'A booking waits for approval', staff: true },
  'visitor-arrived': { label: 'My visitor arrived', staff: false },
  'bid-invited': { label: 'I am invited to a joint bid', staff: false },
  'bid-offer': { label: 'Someone offers to join a bid of mine', staff: false },
  'task-due': { label: 'A bid task of mine is due', staff: false },
  introduced: { label: 'I am introduced to another member', staff: false },
  referral: { label: 'A referral is passed to me, or one I gave moves', staff: false },
  hours: { label: 'An exchange of hours waits for my confirmation, or was answered', staff: false },
  help: { label: 'Someone in could help with a request, or answered mine', staff: false },
  'help-raised': { label: 'A help request waits with nobody to help', staff: true },
  mentoring: { label: 'A mentor pair of mine is proposed, agreed or ended', staff: false },
  commitment: { label: 'A commitment of mine is due, or one I hold someone to is missed', staff: false },
  event: { label: 'An event I replied to: a place came free, a reminder, or it was cancelled', staff: false },
  community: { label: 'A community of practice I am in has a new session', staff: false },
  vote: { label: 'Voting opens, closes soon or has a result on a proposal I may vote on', staff: false },
  proposal: { label: 'A proposal of mine is discussed or referred, or someone appoints me their proxy', staff: false },
  statement: { label: 'My monthly statement is issued', staff: false },
  news: { label: 'News from the co-op', staff: false },
} as const;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
const kinds = Object.keys(NOTIFICATION_KINDS) as [NotificationKind, ...NotificationKind[]];

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  href: string;
  at: string;
  read: boolean;
}

export interface Inbox {
  unread: number;
  total: number;
  rows: Notification[];
}

export interface NotificationPrefs {
  /** Whether the co-op sends e-mail at all (a mail server is set up) and this person has an address. */
  emailAvailable: boolean;
  kinds: { kind: NotificationKind; label: string; email: boolean }[];
}

export interface Outbox {
  pending: number;
  failed: number;
  /** The latest failures, for staff to act on. */
  recent: { id: string; to: string; title: string; error: string; attempts: number }[];
}

export const notificationsContract = contractPart('notifications', 'Notifications', ['notifications.changed'], {
  'notifications.inbox': query<Inbox>()(
    z.object({ limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0), unreadOnly: z.boolean().default(false) }),
    'member',
  ),
  'notifications.unread': query<{ unread: number }>()(empty, 'member'),
  'notifications.markRead': command<{ unread: number }>()(
    z.union([z.object({ ids: z.array(id).min(1, 'Which notifications?').max(200) }).strict(), z.object({ all: z.literal(true) }).strict()], {
      error: 'Which notifications?',
    }),
    'member',
    { audit: 'read notifications' },
  ),
  'notifications.prefs': query<NotificationPrefs>()(empty, 'member'),
  'notifications.setPref': command<NotificationPrefs>()(
    z.object({ kind: z.enum(kinds, { error: 'Not a kind of notification' }), email: z.boolean() }),
    'member',
    {
      audit: 'changed how they are told about',
    },
  ),
  'notifications.outbox': query<Outbox>()(empty, 'desk'),
  'notifications.retry': command<Outbox>()(empty, 'desk', { audit: 'retried the e-mails that failed' }),
});
