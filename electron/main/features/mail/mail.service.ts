import type { z } from 'zod';
import type { MailSettings, mailSettingsInput } from '@shared/contract/mail.contract';
import { type Ctx, SYSTEM } from '../../context';
import { immediate } from '../../db/tx';
import { AppError } from '../../errors';
import { recordEvent } from '../audit';
import * as repo from './mail.repository';
import type { MailSettingsTable } from './mail.tables';

export interface Message {
  to: string;
  subject: string;
  text: string;
}

/** Seconds a mail server may take: a wrong address fails in seconds, not minutes. */
const TIMEOUTS = { connectionTimeout: 8_000, greetingTimeout: 8_000, socketTimeout: 15_000 };

/** nodemailer is loaded when mail is first sent, not with the app: start-up is the desk's morning wait. */
const transportOf = async (s: Omit<MailSettingsTable, 'id' | 'updated_at'>) =>
  (await import('nodemailer')).default.createTransport({
    host: s.host,
    port: s.port,
    secure: s.secure === 1,
    auth: s.username ? { user: s.username, pass: s.password } : undefined,
    ...TIMEOUTS,
  });

const shown = (row: MailSettingsTable | undefined): MailSettings =>
  row
    ? {
        configured: true,
        host: row.host,
        port: row.port,
        secure: row.secure === 1,
        username: row.username,
        passwordSet: row.password !== '',
        sender: row.sender,
      }
    : { configured: false, host: '', port: 587, secure: false, username: '', passwordSet: false, sender: '' };

export const settings = async (ctx: Ctx): Promise<MailSettings> => shown(await repo.readSettings(ctx.db));

export const mailConfigured = async (ctx: Pick<Ctx, 'db'>): Promise<boolean> => Boolean(await repo.readSettings(ctx.db));

/** What the server said, in words a manager can act on. */
function why(error: unknown): string {
  const e = error as { code?: string; message?: string };
  const said = `${e.code ?? ''} ${e.message ?? String(error)}`;
  if (/ECONNREFUSED/.test(said)) return 'the mail server refused the connection (is the port right?)';
  if (/ENOTFOUND|EAI_AGAIN|EDNS/.test(said)) return 'there is no mail server by that name';
  if (/EAUTH/.test(said)) return 'the mail server did not accept the user name and password';
  if (/ETIMEDOUT|timeout/i.test(said)) return 'the mail server did not answer in time';
  return (e.message ?? String(error)).slice(0, 200);
}

/** Saves the settings only after the server answered and accepted them: settings that do not connect change nothing. */
export async function save(ctx: Ctx, input: z.output<typeof mailSettingsInput>): Promise<MailSettings> {
  const current = await repo.readSettings(ctx.db);
  const password = input.password || (current && current.host === input.host && current.username === input.username ? current.password : '');
  const row = { host: input.host, port: input.port, secure: input.secure ? 1 : 0, username: input.username, password, sender: input.sender };
  try {
    await (await transportOf(row)).verify();
  } catch (error) {
    throw new AppError('VALIDATION', `Not saved: ${why(error)}.`, { host: 'Could not connect' });
  }
  await immediate(ctx.db, (trx) => repo.saveSettings(trx, { ...row, updated_at: ctx.now().getTime() }));
  ctx.emit('mail.changed');
  return settings(ctx);
}

export async function clear(ctx: Ctx): Promise<MailSettings> {
  await immediate(ctx.db, (trx) => repo.clearSettings(trx));
  ctx.emit('mail.changed');
  return settings(ctx);
}

/** Sends one message now; throws what the server said. */
export async function sendMail(ctx: Pick<Ctx, 'db'>, message: Message): Promise<void> {
  const s = await repo.readSettings(ctx.db);
  if (!s) throw new AppError('RULE', 'No mail server is set up: Settings → E-mail.', undefined, 'no-mail');
  try {
    await (await transportOf(s)).sendMail({ from: s.sender, to: message.to, subject: message.subject, text: message.text });
  } catch (error) {
    throw new AppError('RULE', `The e-mail to ${message.to} was not sent: ${why(error)}.`, undefined, 'mail-failed');
  }
}

export async function test(ctx: Ctx, to: string): Promise<{ sentTo: string }> {
  await sendMail(ctx, { to, subject: 'Test message from Coopdesk', text: 'This is a test message: the co-op’s e-mail settings work.\n' });
  return { sentTo: to };
}

const RETRIES_MS = [2_000, 15_000, 60_000];

/**
 * Sends in the background, after the change that asked for it, retrying a few times; a message
 * that still fails is on record in the audit log (a sign-in code is never stored to be resent).
 */
export function sendSoon(ctx: Ctx, message: Message): void {
  const attempt = async (i: number): Promise<void> => {
    try {
      await sendMail(ctx, message);
    } catch (error) {
      if (i < RETRIES_MS.length) {
        setTimeout(() => void attempt(i + 1), RETRIES_MS[i]).unref();
        return;
      }
      await recordEvent(ctx.db, ctx.now().getTime(), SYSTEM, 'mail.failed', null, {
        to: message.to,
        subject: message.subject,
        error: (error as Error).message,
      }).catch(() => undefined);
    }
  };
  setImmediate(() => void attempt(0));
}
