import { NOTIFICATION_KINDS, type Inbox, type NotificationKind, type NotificationPrefs, type Outbox } from '@shared/contract/notifications.contract';
import { newId } from '@shared/domain/ids';
import { type Actor, type Ctx, isStaff, outsideOf, withDb } from '../../context';
import { afterCommit, immediate } from '../../db/tx';
import { AppError } from '../../errors';
import { staffEmail, staffIds } from '../auth';
import { mailConfigured, sendMail } from '../mail';
import { memberById } from '../members';
import * as repo from './notifications.repository';

export interface News {
  kind: NotificationKind;
  title: string;
  body?: string;
  /** The screen that shows what it is about. */
  href?: string;
}

/** Whose inbox a caller reads: a staff member's account, or a member's (signed in or identified at the kiosk); none for nobody in particular. */
const inboxOf = (actor: Actor): string | null | undefined => (isStaff(actor) ? actor.accountId : actor.memberId);

function recipientOf(actor: Actor): string {
  const id = inboxOf(actor);
  if (!id) throw new AppError('RULE', 'Sign in with your own account to see your notifications.', undefined, 'no-account');
  return id;
}

/**
 * Tells `recipients` (members' or staff accounts' ids): a row in each inbox, written with
 * `ctx.db` — inside the change's own transaction when there is one, so they are told exactly
 * when it is saved. E-mail goes later (the outbox job), never holding up the change.
 */
export async function notify(ctx: Ctx, recipients: readonly string[], news: News): Promise<number> {
  const to = [...new Set(recipients)];
  if (to.length === 0) return 0;
  const now = ctx.now().getTime();
  const mail = await mailConfigured(ctx);
  const optedOut = mail ? await repo.emailOptedOut(ctx.db, news.kind, to) : new Set<string>();
  await repo.insertMany(
    ctx.db,
    to.map((recipient) => ({
      id: newId(),
      recipient_id: recipient,
      kind: news.kind,
      title: news.title,
      body: news.body ?? '',
      href: news.href ?? '',
      created_at: now,
      read_at: null,
      email_state: mail && !optedOut.has(recipient) ? 'pending' : 'none',
      email_attempts: 0,
      email_error: '',
      email_next_at: null,
    })),
  );
  ctx.emit('notifications.changed');
  if (mail) afterCommit(() => setTimeout(() => void sendDue(outsideOf(ctx)).catch(() => undefined), 50).unref());
  return to.length;
}

/** `notify` in a transaction of its own, for a change already saved (5,000 rows commit once, not 5,000 times). */
export const notifyNow = (ctx: Ctx, recipients: readonly string[], news: News): Promise<number> =>
  immediate(ctx.db, (trx) => notify(withDb(ctx, trx), recipients, news));

/** Tells every staff account in use, and the desk's screen with a desktop notification. */
export async function notifyStaff(ctx: Ctx, news: News): Promise<number> {
  ctx.desktop?.notify?.({ title: news.title, body: news.body ?? '' });
  return notify(ctx, await staffIds(ctx), news);
}

export async function inbox(ctx: Ctx, actor: Actor, f: { limit: number; offset: number; unreadOnly: boolean }): Promise<Inbox> {
  const recipient = recipientOf(actor);
  const [rows, counts] = await Promise.all([repo.inbox(ctx.db, recipient, f), repo.counts(ctx.db, recipient)]);
  return {
    ...counts,
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      href: r.href,
      at: new Date(r.created_at).toISOString(),
      read: r.read_at !== null,
    })),
  };
}

/** The bell's count; nobody signed in has none. */
export async function unread(ctx: Ctx, actor: Actor): Promise<{ unread: number }> {
  const id = inboxOf(actor);
  return { unread: id ? await repo.unreadCount(ctx.db, id) : 0 };
}

export async function markRead(ctx: Ctx, actor: Actor, input: { ids: string[] } | { all: true }): Promise<{ unread: number }> {
  const recipient = recipientOf(actor);
  await immediate(ctx.db, (trx) => repo.markRead(trx, recipient, 'ids' in input ? input.ids : 'all', ctx.now().getTime()));
  ctx.emit('notifications.changed');
  return { unread: await repo.unreadCount(ctx.db, recipient) };
}

async function addressOf(ctx: Ctx, recipient: string): Promise<string> {
  return (await memberById(ctx.db, recipient))?.email ?? (await staffEmail(ctx, recipient));
}

export async function prefs(ctx: Ctx, actor: Actor): Promise<NotificationPrefs> {
  const recipient = recipientOf(actor);
  const chosen = new Map((await repo.prefsOf(ctx.db, recipient)).map((p) => [p.kind, p.email === 1]));
  const staff = isStaff(actor);
  return {
    emailAvailable: (await mailConfigured(ctx)) && (await addressOf(ctx, recipient)) !== '',
    kinds: (Object.keys(NOTIFICATION_KINDS) as NotificationKind[])
      .filter((kind) => NOTIFICATION_KINDS[kind].staff === staff)
      .map((kind) => ({ kind, label: NOTIFICATION_KINDS[kind].label, email: chosen.get(kind) ?? true })),
  };
}

export async function setPref(ctx: Ctx, actor: Actor, input: { kind: NotificationKind; email: boolean }): Promise<NotificationPrefs> {
  const recipient = recipientOf(actor);
  await immediate(ctx.db, (trx) => repo.savePref(trx, recipient, input.kind, input.email));
  return prefs(ctx, actor);
}

const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000];

/**
 * One sender at a time per data folder (a test process runs several co-ops). A call while one
 * runs asks it for another pass: the mail just committed may have missed the rows it read.
 */
const sending = new Map<string, { run: Promise<number>; again: boolean }>();

/** Sends the e-mails due, one at a time; a failure backs off and, after a few, shows as failed to staff. Returns how many were sent. */
export function sendDue(ctx: Ctx): Promise<number> {
  const running = sending.get(ctx.dataDir);
  if (running) {
    running.again = true;
    return running.run;
  }
  const state = { run: Promise.resolve(0), again: false };
  state.run = (async () => {
    let sent = 0;
    try {
      do {
        state.again = false;
        sent += await sendPass(ctx);
      } while (state.again);
    } finally {
      sending.delete(ctx.dataDir);
    }
    if (sent > 0) ctx.emit('notifications.changed');
    return sent;
  })();
  sending.set(ctx.dataDir, state);
  return state.run;
}

/** One pass over the e-mails due now (a hundred at most; the job takes the rest): how many were sent. */
async function sendPass(ctx: Ctx): Promise<number> {
  let sent = 0;
  for (const n of await repo.dueEmails(ctx.db, ctx.now().getTime(), 100)) {
    const to = await addressOf(ctx, n.recipient_id);
    if (!to) {
      await repo.setEmailState(ctx.db, n.id, { email_state: 'none' });
      continue;
    }
    try {
      await sendMail(ctx, { to, subject: n.title, text: `${n.body || n.title}\n` });
      await repo.setEmailState(ctx.db, n.id, { email_state: 'sent', email_error: '', email_attempts: n.email_attempts + 1 });
      sent++;
    } catch (error) {
      const attempts = n.email_attempts + 1;
      const last = attempts > BACKOFF_MS.length;
      await repo.setEmailState(ctx.db, n.id, {
        email_state: last ? 'failed' : 'pending',
        email_attempts: attempts,
        email_error: (error as Error).message.slice(0, 300),
        email_next_at: last ? null : ctx.now().getTime() + BACKOFF_MS[attempts - 1],
      });
    }
  }
  return sent;
}

export async function outbox(ctx: Ctx): Promise<Outbox> {
  const { states, recent } = await repo.outbox(ctx.db);
  const count = (state: string) => Number(states.find((s) => s.email_state === state)?.n ?? 0);
  return {
    pending: count('pending'),
    failed: count('failed'),
    recent: await Promise.all(
      recent.map(async (r) => ({ id: r.id, to: await addressOf(ctx, r.recipient_id), title: r.title, error: r.email_error, attempts: r.email_attempts })),
    ),
  };
}

export async function retry(ctx: Ctx): Promise<Outbox> {
  const n = await immediate(ctx.db, (trx) => repo.retryFailed(trx));
  if (n > 0) setTimeout(() => void sendDue(ctx).catch(() => undefined), 10).unref();
  return outbox(ctx);
}
