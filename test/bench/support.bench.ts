import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memberFields } from '@shared/contract/members.contract';
import { startCoopdesk } from '../../electron/main/app';
import { type Actor, FRONT_DESK } from '../../electron/main/context';
import { generateMembers, seededRandom } from '../../electron/main/demo/generate';
import { activeMembersWithOffers } from '../../electron/main/demo/generateBids';
import { generateSupport } from '../../electron/main/demo/generateSupport';
import { immediate } from '../../electron/main/db/tx';
import { createMany } from '../../electron/main/features/members/members.service';
import { measure, report, SCALE, timeOnce } from './measure';

const TODAY = '2026-11-24';
const NOW = new Date('2026-11-24T10:00:00Z');

/**
 * Mutual support on a large co-op (at BENCH_SCALE=1): 10,000 members, 300 of them checked in,
 * 100,000 past help requests (40 still open), 500 mentors, 300 members asking for one, 200 pairs,
 * 20,000 commitments. The figures: routing a new request under 10 ms, the help board
 * under 20 ms, mentor suggestions under 20 ms.
 */
export async function supportBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'coopdesk-bench-support-'));
  const coop = await startCoopdesk({ dataDir, now: () => NOW, backups: false });
  const db = coop.database.db;
  const members = Math.round(10_000 * SCALE);
  const call = async (channel: string, input: unknown, actor: Actor = FRONT_DESK) => {
    const r = await coop.api.dispatch(channel, input, actor);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.data as any;
  };
  const made = await timeOnce(
    'support.generate',
    async () => {
      await createMany(
        coop.ctx,
        generateMembers({ count: members, today: TODAY, seed: 31 }).map((m) => memberFields.parse(m)),
      );
      return immediate(db, async (trx) =>
        generateSupport(trx, {
          members: await activeMembersWithOffers(trx),
          today: TODAY,
          now: NOW.getTime(),
          seed: 17,
          requests: Math.round(100_000 * SCALE),
          open: 40,
          mentors: Math.round(500 * SCALE),
          mentees: Math.round(300 * SCALE),
          pairs: Math.round(200 * SCALE),
          commitments: Math.round(20_000 * SCALE),
          days: 3 * 365,
        }),
      );
    },
    { members },
  );
  const ids = (await db.selectFrom('members').select('id').where('status', '=', 'active').orderBy('number').execute()).map((m) => m.id);
  const present = ids.slice(0, Math.min(300, ids.length));
  for (const memberId of present) await call('frontdesk.checkIn', { memberId });
  coop.database.sqlite.pragma('optimize');
  const skills = (await db.selectFrom('member_tags').select('tag').distinct().where('kind', '=', 'offers').limit(200).execute()).map((r) => r.tag);
  report({ bench: 'support.dataset', members, checkedIn: present.length, ...made, vocabularySample: skills.length });

  const random = seededRandom(41);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const as = (memberId: string): Actor => ({ role: 'member', memberId });

  await measure('support.board.member', 200, () => call('support.board', {}, as(pick(present))), {
    note: 'open requests ordered for a member who is in (what they offer, who is in), the last resolved',
  });
  await measure('support.board.desk', 100, () => call('support.board', {}), { note: 'the desk: each open request with who among the 300 in could help' });
  const mentees = (await db.selectFrom('mentor_requests').select('member_id').execute()).map((r) => r.member_id);
  await measure('support.mentoring.member', 200, () => call('support.mentoring', {}, as(pick(mentees))), {
    mentors: Math.round(500 * SCALE),
    note: 'a member asking for a mentor: their pairs and suggested mentors with reasons',
  });
  await measure('support.mentoring.desk', 50, () => call('support.mentoring', {}), {
    note: 'the desk: every waiting request’s suggestions, who waits, who has time',
  });
  await measure(
    'support.ask',
    200,
    () => call('support.ask', { kind: 'quick', text: 'A quick question', skills: [pick(skills)], hereToday: random() < 0.5 }, as(pick(ids))),
    { note: 'routing a new request: who offers it and is in, told in the same transaction (a write)' },
  );
  await coop.close();
  rmSync(dataDir, { recursive: true, force: true });
}
