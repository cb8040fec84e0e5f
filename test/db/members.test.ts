import { sql } from 'kysely';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ana, freshCoopEachTest, type TestCoop } from '../helpers/coop';

const t = freshCoopEachTest();

describe('members: create and read', () => {
  it('creates a member with a number, normalized tags and ownership', async () => {
    const m = await t.call('members.create', ana);
    expect(m.number).toBe(1);
    expect(m.website).toBe('https://ribeiro.example.coop');
    expect(m.offers).toEqual(['branding', 'web design']);
    expect(m.needs).toEqual(['copywriting']);
    // 2025-03-14 + 14 months = 2026-05-14, before the fixed today (2026-11-24)
    expect(m.ownership).toEqual({ isOwner: true, ownerFrom: '2026-05-14' });
    expect(await t.call('members.get', { id: m.id })).toEqual(m);
  });

  it('shows when a newer member will become an owner', async () => {
    const m = await t.call('members.create', { ...ana, memberSince: '2026-01-31' });
    expect(m.ownership).toEqual({ isOwner: false, ownerFrom: '2027-03-31' });
  });

  it('members who left are not owners', async () => {
    const m = await t.call('members.create', { ...ana, status: 'left' });
    expect(m.ownership).toEqual({ isOwner: false, ownerFrom: null });
  });

  it('numbers members in order', async () => {
    await t.call('members.create', ana);
    const ben = await t.call('members.create', { ...ana, name: 'Ben Okafor', email: 'ben@example.coop' });
    expect(ben.number).toBe(2);
  });
});

describe('members: bad input changes nothing', () => {
  it.each([
    ['missing name', { ...ana, name: '  ' }, 'name', 'Name is required'],
    ['malformed email', { ...ana, email: 'ana-at-example' }, 'email', 'Enter an email address'],
    ['start date in an impossible form', { ...ana, memberSince: '14/03/2025' }, 'memberSince', 'YYYY-MM-DD'],
    ['start date that does not exist', { ...ana, memberSince: '2025-02-30' }, 'memberSince', 'no such day'],
    ['unknown status', { ...ana, status: 'gone' as never }, 'status', 'active, paused or left'],
    ['bad website', { ...ana, website: 'not a site' }, 'website', 'web address'],
  ])('%s', async (_label, input, field, message) => {
    await t.call('members.create', { ...ana, email: 'first@example.coop' });
    const before = await t.snapshot();
    const result = await t.send('members.create', input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.fields?.[field]).toContain(message);
    expect(await t.snapshot()).toEqual(before);
  });

  it('duplicate email (any case) is a conflict on the email field', async () => {
    await t.call('members.create', ana);
    const before = await t.snapshot();
    const result = await t.send('members.create', { ...ana, name: 'Someone Else', email: 'ANA@example.coop' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { email: expect.stringContaining('Ana Ribeiro') } } });
    expect(await t.snapshot()).toEqual(before);
  });

  it('an unknown tag operation is refused', async () => {
    const m = await t.call('members.create', ana);
    const before = await t.snapshot();
    const result = await t.send('members.tag', { id: m.id, op: 'rename' as never, kind: 'offers', tag: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { op: 'Unknown tag operation: use add or remove' } } });
    expect(await t.snapshot()).toEqual(before);
  });

  it('removing a tag the member does not have says so', async () => {
    const m = await t.call('members.create', ana);
    const before = await t.snapshot();
    const result = await t.send('members.tag', { id: m.id, op: 'remove', kind: 'needs', tag: 'plumbing' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Ana Ribeiro does not need “plumbing”.' } });
    expect(await t.snapshot()).toEqual(before);
  });

  it('editing an unknown member is NOT_FOUND', async () => {
    const result = await t.send('members.update', { id: 'nope', ...ana });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('members: edit, tags, archive', () => {
  it('edits every field and keeps the number', async () => {
    const m = await t.call('members.create', ana);
    const edited = await t.call('members.update', {
      id: m.id,
      ...ana,
      name: 'Ana R. Ribeiro',
      status: 'paused',
      role: 'guardian',
      offers: ['illustration'],
      notes: 'Prefers mornings',
    });
    expect(edited).toMatchObject({
      number: 1,
      name: 'Ana R. Ribeiro',
      status: 'paused',
      role: 'guardian',
      offers: ['illustration'],
      notes: 'Prefers mornings',
    });
  });

  it('adds and removes single tags', async () => {
    const m = await t.call('members.create', ana);
    const added = await t.call('members.tag', { id: m.id, op: 'add', kind: 'needs', tag: '  Bookkeeping ' });
    expect(added.needs).toEqual(['bookkeeping', 'copywriting']);
    const removed = await t.call('members.tag', { id: m.id, op: 'remove', kind: 'offers', tag: 'Branding' });
    expect(removed.offers).toEqual(['web design']);
  });

  it('archives without deleting, and restores', async () => {
    const m = await t.call('members.create', ana);
    const archived = await t.call('members.archive', { id: m.id });
    expect(archived.archivedAt).not.toBeNull();
    expect(archived.ownership.isOwner).toBe(false);
    expect((await t.call('members.list', {})).total).toBe(0);
    expect((await t.call('members.list', { archived: 'only' })).rows.map((r) => r.id)).toEqual([m.id]);
    const restored = await t.call('members.restore', { id: m.id });
    expect(restored.archivedAt).toBeNull();
    expect((await t.call('members.list', {})).total).toBe(1);
  });
});

describe('members: search, filter, sort', () => {
  beforeEach(async () => {
    await t.call('members.create', ana);
    await t.call('members.create', {
      ...ana,
      name: 'Ben Okafor',
      email: 'ben@example.coop',
      businessName: 'Okafor Words',
      offers: ['copywriting'],
      needs: ['web design'],
      memberSince: '2026-06-01',
    });
    await t.call('members.create', {
      ...ana,
      name: 'Chiara Novak',
      email: 'chiara@example.coop',
      businessName: 'Novák Legal',
      offers: ['legal advice'],
      needs: [],
      role: 'guardian',
      status: 'paused',
    });
    await t.call('members.create', {
      ...ana,
      name: 'Dev Patel',
      email: 'dev@example.coop',
      businessName: 'Patel Digital',
      offers: ['software'],
      needs: [],
      status: 'left',
    });
  });

  const names = async (query: Parameters<TestCoop['call']>[1]) => (await t.call('members.list', query as never)).rows.map((r) => r.name);

  it('finds by the start of any word in name, business, tags, email', async () => {
    expect(await names({ q: 'ben' })).toEqual(['Ben Okafor']);
    expect(await names({ q: 'okaf wor' })).toEqual(['Ben Okafor']);
    expect(await names({ q: 'legal' })).toEqual(['Chiara Novak']);
    expect(await names({ q: 'novak' })).toEqual(['Chiara Novak']); // diacritics folded: Novák
    expect(await names({ q: 'copy' })).toEqual(['Ana Ribeiro', 'Ben Okafor']); // one needs it, one offers it
    expect(await names({ q: 'zzz' })).toEqual([]);
    expect(await names({ q: '"*()' })).toHaveLength(4); // nothing searchable typed: no filter, no error
  });

  it('search follows edits', async () => {
    const { rows } = await t.call('members.list', { q: 'ana' });
    await t.call('members.update', { id: rows[0].id, ...ana, name: 'Anabel Ribeiro', offers: ['pottery'] });
    expect(await names({ q: 'pottery' })).toEqual(['Anabel Ribeiro']);
    expect(await names({ q: 'branding' })).toEqual([]);
  });

  it('filters by status, role, tag, ownership', async () => {
    expect(await names({ status: 'paused' })).toEqual(['Chiara Novak']);
    expect(await names({ role: 'guardian' })).toEqual(['Chiara Novak']);
    expect(await names({ tag: 'Web Design' })).toEqual(['Ana Ribeiro', 'Ben Okafor']);
    expect(await names({ ownership: 'owners' })).toEqual(['Ana Ribeiro', 'Chiara Novak']);
    expect(await names({ ownership: 'not-yet' })).toEqual(['Ben Okafor']);
  });

  it('sorts and pages', async () => {
    expect(await names({ sort: 'name', dir: 'desc' })).toEqual(['Dev Patel', 'Chiara Novak', 'Ben Okafor', 'Ana Ribeiro']);
    expect(await names({ sort: 'memberSince', dir: 'desc', limit: 1 })).toEqual(['Ben Okafor']);
    const page = await t.call('members.list', { sort: 'number', limit: 2, offset: 2 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.number)).toEqual([3, 4]);
  });

  it('counts tags offered and needed among current members', async () => {
    const tags = await t.call('members.tags', {});
    expect(tags.find((x) => x.tag === 'web design')).toEqual({ tag: 'web design', offers: 1, needs: 1 });
    expect(tags.find((x) => x.tag === 'copywriting')).toEqual({ tag: 'copywriting', offers: 1, needs: 1 });
  });

  it('changing the ownership months moves people across the line', async () => {
    const settings = await t.call('settings.get', {});
    await t.call('settings.updateCoop', { ...settings.coop, ownershipMonths: 3 });
    expect(await names({ ownership: 'owners' })).toEqual(['Ana Ribeiro', 'Ben Okafor', 'Chiara Novak']);
  });
});

describe('the demo co-op', () => {
  it('loads into an empty register only', async () => {
    expect((await t.call('system.status', {})).demoOffered).toBe(true);
    const { created } = await t.call('system.loadDemo', {});
    expect(created).toBeGreaterThan(20);
    const status = await t.call('system.status', {});
    expect(status).toMatchObject({ memberCount: created, demoOffered: false, coopName: 'Millbrook Works Co-op' });
    const again = await t.send('system.loadDemo', {});
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const list = await t.call('members.list', { limit: 1000 });
    expect(new Set(list.rows.map((r) => r.email)).size).toBe(created);
    expect(list.rows.every((r) => r.offers.length > 0 && r.businessName)).toBe(true);
  });

  it('looks lived in: a site in a real zone, nobody who left in their first months, and whoever has a booking on now is in', async () => {
    await t.call('system.loadDemo', {});
    const settings = await t.call('settings.get', {});
    expect(settings.site.timeZone).not.toBe('UTC');
    expect(settings.coop.timeZone).toBe(settings.site.timeZone);
    const list = await t.call('members.list', { limit: 1000 });
    const recent = list.rows.filter((r) => r.memberSince > '2026-08-24'); // joined in the last three months
    expect(recent.every((r) => r.status !== 'left')).toBe(true);
    const today = await t.call('frontdesk.today', {});
    expect(today.present.length).toBeGreaterThan(0);
    // everyone in has a booking now, checked in; no booking on now waits for someone who is in
    const inNow = new Set(today.present.map((p) => p.memberId));
    expect(today.late.filter((b) => b.memberId && inNow.has(b.memberId))).toEqual([]);
    const bids = await t.call('bids.list', { stage: 'board' });
    expect(bids.every((b) => !b.deadline || b.deadline.endsWith('T12:00:00.000Z'))).toBe(true);
  });

  it('has two sites: the desk works at The Mill, and Harbour Yard has rooms and desks of its own that members book', async () => {
    await t.call('system.loadDemo', {});
    const settings = await t.call('settings.get', {});
    expect(settings.site).toMatchObject({ name: 'The Mill', address: '14 Mill Lane' });
    expect(settings.sites.map((s) => s.name)).toEqual(['The Mill', 'Harbour Yard']);
    const harbour = settings.sites[1]!;
    const today = (await t.call('frontdesk.today', {})).date;
    const month = await t.call('bookings.calendar', { siteId: harbour.id, date: today, span: 'month' });
    expect(month.bookables.map((b) => b.name).sort()).toEqual([
      'Chart Room',
      'Harbour desk 1',
      'Harbour desk 2',
      'Harbour desk 3',
      'Harbour desk 4',
      'Net Loft',
    ]);
    expect(month.days.reduce((n, d) => n + d.count, 0)).toBeGreaterThan(10);
    // the Mill's board has none of the harbour's rooms
    const mill = await t.call('bookings.dayBoard', { date: today });
    expect(mill.siteName).toBe('The Mill');
    expect(mill.bookables.some((b) => b.name === 'Net Loft')).toBe(false);
  });
});

describe('dispatch', () => {
  it('refuses unknown channels and non-managers on manager channels', async () => {
    expect(await t.coop.api.dispatch('members.drop', {}, { role: 'manager', memberId: null })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const member = { role: 'member' as const, memberId: null };
    expect(await t.send('members.create', ana, member)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.send('members.list', {}, member)).toMatchObject({ ok: true });
  });

  it('pushes members.changed after a change, not after a rejected one', async () => {
    const events: string[] = [];
    const stop = t.coop.api.subscribe((e) => events.push(e));
    await t.send('members.create', { ...ana, email: 'bad' });
    expect(events).toEqual([]);
    await t.call('members.create', ana);
    expect(events).toEqual(['members.changed']);
    stop();
  });

  it('turns unexpected failures into INTERNAL without leaking details', async () => {
    await t.call('members.create', ana);
    await sql`drop table member_tags`.execute(t.coop.database.db);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await t.coop.api.dispatch('members.list', {}, { role: 'manager', memberId: null });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong; nothing was changed.' } });
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});
