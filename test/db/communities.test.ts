import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../electron/main/context';
import { bookingWorld } from '../helpers/bookingWorld';
import { FIXED_NOW, startTestCoop, type TestCoop } from '../helpers/coop';

/** Communities of practice: joining and leaving, facilitators, sessions as events, a library with files in the data folder, peer training, privacy. */
let t: TestCoop;
let w: Awaited<ReturnType<typeof bookingWorld>>;
const as = (memberId: string): Actor => ({ role: 'member', memberId });

beforeEach(async () => {
  t = await startTestCoop({ now: () => FIXED_NOW });
  w = await bookingWorld(t);
});
afterEach(async () => {
  await t.close();
});

const webMakers = () => t.call('communities.create', { name: 'Web makers', topic: 'Small businesses’ websites', facilitatorIds: [w.member.id] });

describe('communities of practice', () => {
  it('members join and leave; the facilitator plans a fortnightly session that everyone in it is told of and replies to like any event', async () => {
    const c = await webMakers();
    expect(c).toMatchObject({ members: 1, facilitators: [{ name: 'Ana Ribeiro' }], mine: null, mayManage: true });
    expect(await t.call('communities.join', { id: c.id }, as(w.ben.id))).toMatchObject({ mine: 'member', members: 2 });
    await t.call('communities.join', { id: c.id }, as(w.chiara.id));
    const planned = await t.call(
      'communities.addSession',
      {
        communityId: c.id,
        kind: 'training',
        title: 'Show and tell',
        hostIds: [w.member.id],
        date: '2026-12-03',
        startTime: '16:00',
        endTime: '17:00',
        roomId: w.bigRoom.id,
        capacity: 10,
        repeat: { freq: 'weekly', interval: 2, count: 4 },
      },
      as(w.member.id),
    );
    expect(planned.sessions.map((s) => s.startsAt.slice(0, 10))).toEqual(['2026-12-03', '2026-12-17', '2026-12-31', '2027-01-14']);
    expect(planned.sessions.every((s) => s.communityId === c.id && s.where === 'Loft')).toBe(true);
    expect((await t.call('notifications.inbox', {}, as(w.ben.id))).rows[0]).toMatchObject({
      kind: 'community',
      title: expect.stringContaining('Web makers: Show and tell'),
    });
    await t.call('events.rsvp', { eventId: planned.sessions[0]!.id }, as(w.ben.id));
    expect((await t.call('communities.get', { id: c.id }, as(w.ben.id))).sessions[0]).toMatchObject({ going: 1, mine: { state: 'going' } });
    // a member leaves, and is not told of the next session
    await t.call('communities.leave', { id: c.id }, as(w.chiara.id));
    expect((await t.call('communities.get', { id: c.id }, as(w.chiara.id))).mine).toBeNull();
  });

  it('refuses what is not theirs to do, with nothing changed', async () => {
    const c = await webMakers();
    await t.call('communities.join', { id: c.id }, as(w.ben.id));
    const before = await t.snapshot();
    // a member who is no facilitator plans nothing, renames nothing, promotes nobody
    expect(await t.send('communities.update', { id: c.id, name: 'Mine now', topic: 'x' }, as(w.ben.id))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.send('communities.setRole', { id: c.id, memberId: w.ben.id, role: 'facilitator' }, as(w.ben.id))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // a member joins only themselves; the desk alone starts a community
    expect(await t.send('communities.join', { id: c.id, memberId: w.chiara.id }, as(w.ben.id))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.send('communities.create', { name: 'Rogue', topic: 'x', facilitatorIds: [w.ben.id] }, as(w.ben.id))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // the last facilitator stays until someone else facilitates; a name is taken once
    expect(await t.send('communities.leave', { id: c.id }, as(w.member.id))).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(await t.send('communities.create', { name: 'web MAKERS', topic: 'x', facilitatorIds: [w.ben.id] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { name: 'Taken' } },
    });
    // someone outside sees neither the library nor who is in it, and adds nothing to it
    const outside = await t.call('communities.get', { id: c.id }, as(w.chiara.id));
    expect(outside).toMatchObject({ people: [], resources: [] });
    expect(
      await t.send('communities.addResource', { communityId: c.id, kind: 'link', title: 'Spam', url: 'https://spam.example' }, as(w.chiara.id)),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.send('communities.addResource', { communityId: c.id, kind: 'link', title: 'Bad', url: 'javascript:alert(1)' }, as(w.ben.id))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { url: 'Give a web address starting with https://' } },
    });
    // peer training only in a skill the member offers
    expect(
      await t.send(
        'communities.offerSession',
        { communityId: c.id, skill: 'brain surgery', title: 'Try it', date: '2026-12-03', startTime: '12:00', endTime: '13:00', venue: 'Corner', capacity: 5 },
        as(w.ben.id),
      ),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { skill: 'Not one of your offers' } } });
    const after = await t.snapshot();
    delete before.audit_log;
    delete after.audit_log;
    expect(after).toEqual(before);
  });

  it('keeps a library: links, notes, recordings and files in the data folder, which removal keeps for a restore', async () => {
    const c = await webMakers();
    await t.call('communities.join', { id: c.id }, as(w.ben.id));
    const pdf = Buffer.from('%PDF-1.4 a checklist').toString('base64');
    const withFile = await t.call('communities.addResource', { communityId: c.id, kind: 'file', title: 'checklist.pdf', content: pdf }, as(w.ben.id));
    const file = withFile.resources[0]!;
    expect(file).toMatchObject({ kind: 'file', title: 'checklist.pdf', size: 20, addedBy: { name: 'Ben Okafor' }, mayRemove: true });
    expect(readdirSync(join(t.coop.ctx.dataDir, 'documents', c.id))).toEqual([expect.stringMatching(/-checklist\.pdf$/)]);
    expect(await t.call('communities.openFile', { id: file.id }, as(w.member.id))).toMatchObject({ name: 'checklist.pdf', content: pdf });
    await t.call('communities.addResource', { communityId: c.id, kind: 'recording', title: 'Hosting talk', url: 'https://video.example/1' }, as(w.member.id));
    // the facilitator may remove what a member added; the member may not remove the facilitator's
    const recording = (await t.call('communities.get', { id: c.id }, as(w.ben.id))).resources.find((r) => r.kind === 'recording')!;
    expect(recording.mayRemove).toBe(false);
    expect(await t.send('communities.removeResource', { id: recording.id }, as(w.ben.id))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await t.call('communities.removeResource', { id: file.id }, as(w.member.id));
    expect(readdirSync(join(t.coop.ctx.dataDir, 'documents', c.id))).toEqual([]);
    expect(existsSync(join(t.coop.ctx.dataDir, 'backups', 'documents', c.id))).toBe(true);
  });

  it('lets a member offer peer training in a skill they offer; the others are told and sign up', async () => {
    const c = await webMakers();
    await t.call('communities.join', { id: c.id }, as(w.ben.id));
    await t.call('members.updateProfile', { offers: ['accessibility audits'] }, as(w.ben.id));
    const offered = await t.call(
      'communities.offerSession',
      {
        communityId: c.id,
        skill: 'Accessibility audits',
        title: 'Audit a site in an hour',
        date: '2026-12-03',
        startTime: '12:00',
        endTime: '13:00',
        venue: 'Meeting corner',
        capacity: 6,
      },
      as(w.ben.id),
    );
    const session = offered.sessions.find((s) => s.title === 'Audit a site in an hour')!;
    expect(session).toMatchObject({ kind: 'training', capacity: 6 });
    expect((await t.call('events.get', { id: session.id })).hosts.map((h) => h.name)).toEqual(['Ben Okafor']);
    expect((await t.call('notifications.inbox', {}, as(w.member.id))).rows[0]!.title).toContain('peer training in accessibility audits');
    expect(await t.call('events.rsvp', { eventId: session.id }, as(w.member.id))).toMatchObject({ state: 'going' });
  });
});
