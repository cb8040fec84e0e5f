import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memberFields } from '@shared/contract/members.contract';
import { startCoopdesk } from '../../electron/main/app';
import { type Actor, FRONT_DESK, type Session } from '../../electron/main/context';
import { generateMembers } from '../../electron/main/demo/generate';
import { createMany } from '../../electron/main/features/members/members.service';
import { notifyNow } from '../../electron/main/features/notifications';
import { measure, report, SCALE, timeOnce } from './measure';

/**
 * Accounts and notifications: a sign-in (a deliberate scrypt hash; goal under 150 ms), one
 * person's inbox of 10,000 notifications (goal under 10 ms), and telling 5,000 members of one
 * event (goal under 1 s) while other calls keep answering.
 */
export async function accountsBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'coopdesk-bench-'));
  const coop = await startCoopdesk({ dataDir, backups: false });
  const call = async (channel: string, input: unknown, caller: Session | Actor = FRONT_DESK) => {
    const r = await coop.api.dispatch(channel, input, caller);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.data;
  };
  const count = Math.round(5_000 * SCALE);
  const members = generateMembers({ count, today: '2026-11-24', seed: 3 }).map((m) => memberFields.parse(m));
  await timeOnce('accounts.members', () => createMany(coop.ctx, members), { members: count });
  await call('auth.setUp', { name: 'Kasia Nowak', email: 'kasia@example.coop', password: 'bench password 1' });

  // each sign-in from its own screen, so the per-screen guard never slows it
  await measure('accounts.signIn', 30, (i) =>
    call(
      'auth.signIn',
      { who: 'kasia@example.coop', password: 'bench password 1' },
      { mode: 'kiosk', actor: { role: 'kiosk', memberId: null }, client: `10.1.0.${i}` },
    ),
  );

  const ids = (await coop.database.sqlite.prepare('select id from members order by number').all()) as { id: string }[];
  const ana: Actor = { role: 'member', memberId: ids[0].id };
  const inboxSize = Math.round(10_000 * SCALE);
  // 10,000 rows for her, a third unread, a minute apart (the benchmark's data, written directly)
  const insert = coop.database.sqlite.prepare(
    "insert into notifications (id, recipient_id, kind, title, body, href, created_at, read_at, email_state) values (?, ?, 'booking-approved', ?, '', '', ?, ?, 'none')",
  );
  coop.database.sqlite.transaction(() => {
    for (let i = 0; i < inboxSize; i++) insert.run(`n${i}`, ids[0].id, `Approved ${i}`, 1_700_000_000_000 + i * 60_000, i % 3 ? 1 : null);
  })();
  await measure('notifications.inbox', 400, () => call('notifications.inbox', { limit: 50 }, ana), { notifications: inboxSize });
  await measure('notifications.unread', 400, () => call('notifications.unread', {}, ana), { notifications: inboxSize });

  // one event for every member, while the desk keeps working: the desk's calls are timed meanwhile
  const everyone = ids.map((r) => r.id);
  const during: number[] = [];
  let done = false;
  const desk = (async () => {
    while (!done) {
      const start = performance.now();
      await call('members.list', { q: 'web', limit: 50 });
      during.push(performance.now() - start);
      await new Promise((r) => setImmediate(r));
    }
  })();
  const start = performance.now();
  await notifyNow(coop.ctx, everyone, { kind: 'bid-invited', title: 'The co-op’s breakfast is on Friday', body: 'Everyone is welcome.' });
  const total = performance.now() - start;
  done = true;
  await desk;
  during.sort((a, b) => a - b);
  report({
    bench: 'notifications.notifyAll',
    n: 1,
    total_ms: Math.round(total * 10) / 10,
    members: everyone.length,
    desk_calls_meanwhile: during.length,
    desk_call_median_ms: Math.round((during[Math.floor(during.length / 2)] ?? 0) * 10) / 10,
    desk_call_max_ms: Math.round((during.at(-1) ?? 0) * 10) / 10,
  });

  await coop.close();
  rmSync(dataDir, { recursive: true, force: true });
}
