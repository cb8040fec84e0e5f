import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
  to: string[];
  from: string;
  subject: string;
  text: string;
}

/**
 * A real SMTP server on 127.0.0.1 (smtp-server), started by the test: what it received is read
 * back; nothing leaves the machine. Plain SMTP without STARTTLS, any login accepted.
 * `delayMs` makes it a slow server: each message is taken only that long after it starts
 * arriving (`started` counts those under way or done).
 */
export async function startSmtp(
  options: { delayMs?: number } = {},
): Promise<{ port: number; received: Received[]; started: () => number; close(): Promise<void> }> {
  const received: Received[] = [];
  let started = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'coop' }),
    onData(stream, session, callback) {
      started++;
      // parsed as a mail program would (mailparser): encoded subjects and bodies read back as written
      simpleParser(stream).then(
        async (mail) => {
          if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), from, subject: mail.subject ?? '', text: mail.text ?? '' });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, started: () => started, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Waits until `check` holds (mail is sent after the change, in the background). */
export async function eventually(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('Timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
