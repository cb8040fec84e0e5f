import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { memberFields } from '../../shared/contract/members.contract';
import { createMany } from '../../electron/main/features/members';
import { FIXED_NOW, startTestCoop } from '../helpers/coop';

const run = promisify(execFile);
const PROCESSES = 4;
const OWNERS = 500;

describe('a vote, raced for', () => {
  it(`${OWNERS} owners voting at once from ${PROCESSES} processes, some twice: every owner counted once, the count matches the ballots`, async () => {
    const t = await startTestCoop();
    await createMany(
      t.coop.ctx,
      Array.from({ length: OWNERS }, (_, i) => memberFields.parse({ name: `Owner ${i}`, email: `owner${i}@example.coop`, memberSince: '2024-01-10' })),
    );
    const p = await t.call('governance.create', {
      title: 'Install solar panels',
      body: 'On the roof, paid from the surplus.',
      kind: 'decision',
      secret: true,
      opensDate: '2026-11-25',
      opensTime: '09:00',
      closesDate: '2026-12-01',
      closesTime: '18:00',
    });
    expect((await t.call('governance.openVoting', { id: p.id })).eligible).toBe(OWNERS);
    const ids = (await t.call('governance.voters', { proposalId: p.id, limit: 500 })).rows.map((v) => v.member!.id);
    const dataDir = t.dataDir;
    await t.coop.close();

    const startAt = Date.now() + 2000;
    const outputs = await Promise.all(
      Array.from({ length: PROCESSES }, (_, q) => {
        // each process votes for its quarter (yes for even, no for odd), and votes again for the next quarter's first ten
        const mine = ids.filter((_, i) => i % PROCESSES === q);
        const again = ids.filter((_, i) => i % PROCESSES === (q + 1) % PROCESSES).slice(0, 10);
        const attempts = [...mine, ...again].map((memberId) => ({
          channel: 'governance.vote',
          input: { proposalId: p.id, choices: [ids.indexOf(memberId) % 2 === 0 ? 'yes' : 'no'] },
          actor: { role: 'member', memberId },
        }));
        return run(process.execPath, ['--import', 'tsx', resolve('test/helpers/dispatch-worker.ts'), dataDir, String(startAt), FIXED_NOW.toISOString()], {
          env: { ...process.env, ATTEMPTS: JSON.stringify(attempts) },
          maxBuffer: 16 * 1024 * 1024,
        });
      }),
    );
    const results = outputs.flatMap((o) => JSON.parse(o.stdout.trim().split('\n').at(-1)!) as { ok: boolean; code?: string }[]);
    // a second vote by the same owner changes their ballot: every attempt succeeds
    expect(results.filter((r) => r.ok)).toHaveLength(OWNERS + PROCESSES * 10);

    const again = await startTestCoop({ dataDir, now: () => new Date('2026-12-02T10:00:00Z') });
    try {
      const sqlite = again.coop.database.sqlite;
      expect(sqlite.prepare('select count(*) as n from secret_ballots where proposal_id = ?').get(p.id)).toEqual({ n: OWNERS });
      expect(sqlite.prepare('select count(*) as n from proposal_voters where proposal_id = ? and voted_at is not null').get(p.id)).toEqual({ n: OWNERS });
      await again.coop.runJob('governance.tick');
      const closed = await again.call('governance.get', { id: p.id });
      expect(closed.result).toMatchObject({ voted: OWNERS, counts: [{ choice: 'yes', votes: OWNERS / 2 }, { choice: 'no', votes: OWNERS / 2 }, {}, {}] });
    } finally {
      await again.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
