import { describe, expect, it } from 'vitest';
import { managerSession, type Session } from '../../electron/main/context';
import { bookFor, bookingWorld } from '../helpers/bookingWorld';
import { callerOf, FIXED_NOW, startCoopdeskAgain, startTestCoop, tempDir } from '../helpers/coop';

/**
 * A co-op with several sites: the manager adds one; each Coopdesk starts at its own site (a desk
 * per site), a session switches to another and every screen follows; members book at any site.
 */
describe('several sites', () => {
  it('adds a site, refuses a second of the same name or none, and changes nothing when it refuses', async () => {
    const t = await startTestCoop();
    await bookingWorld(t);
    const added = await t.call('settings.addSite', { name: 'Harbour Yard', address: '2 Quay St', timeZone: 'Europe/London' });
    expect(added.sites.map((s) => s.name)).toEqual(['Mill Lane', 'Harbour Yard']);
    // the session stays where it was
    expect(added.site.name).toBe('Mill Lane');
    const before = await t.snapshot();
    expect(await t.send('settings.addSite', { name: 'harbour yard', timeZone: 'Europe/London' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { name: 'Another site has this name' } },
    });
    expect(await t.send('settings.addSite', { name: '  ', timeZone: 'Europe/London' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { name: 'Name is required' } },
    });
    expect(await t.send('settings.addSite', { name: 'Loft', timeZone: 'Mars/Olympus' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.snapshot()).toEqual(before);
    // a member may not add one (the refusal on record, nothing else)
    const member = (await t.call('members.list', {})).rows[0]!;
    expect(await t.send('settings.addSite', { name: 'Loft', timeZone: 'Europe/London' }, { role: 'member', memberId: member.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await t.snapshot()).sites).toEqual(before.sites);
    await t.close();
  });

  it('switches a session to another site: its settings, rooms and day board follow, and a member books there; other sessions stay', async () => {
    const t = await startTestCoop();
    const w = await bookingWorld(t);
    const harbour = (await t.call('settings.addSite', { name: 'Harbour Yard', timeZone: 'Europe/London' })).sites[1]!;
    const desk: Session = managerSession();
    const other: Session = managerSession();
    const api = t.coop.api;
    const switched = await api.dispatch('settings.switchSite', { siteId: harbour.id }, desk);
    expect(switched).toMatchObject({ ok: true, data: { site: { name: 'Harbour Yard' } } });
    const room = await api.dispatch('bookables.create', { kind: 'room', name: 'Net Loft', capacity: 8, siteId: harbour.id }, desk);
    expect(room.ok).toBe(true);
    const roomId = (room as { data: { id: string } }).data.id;
    // a member of the co-op books at the other site from her own device
    const ana: Session = { mode: 'portal', actor: { role: 'member', memberId: w.member.id, accountId: 'a' } };
    expect(await api.dispatch('settings.switchSite', { siteId: harbour.id }, ana)).toMatchObject({ ok: true });
    expect(await bookFor(callerOf(t.coop), roomId, w.member.id, '2026-11-26', '10:00', '11:00')).toMatchObject({ bookableName: 'Net Loft' });
    const board = (await api.dispatch('bookings.dayBoard', { date: '2026-11-26' }, desk)) as { ok: true; data: { bookables: { name: string }[] } };
    expect(board.data.bookables.map((b) => b.name)).toEqual(['Net Loft']);
    const stayed = (await api.dispatch('bookings.dayBoard', { date: '2026-11-26' }, other)) as { ok: true; data: { bookables: { name: string }[] } };
    expect(stayed.data.bookables.map((b) => b.name)).toContain('Garden Room');
    expect(stayed.data.bookables.map((b) => b.name)).not.toContain('Net Loft');
    // a site that is not the co-op's: refused, the session where it was
    expect(await api.dispatch('settings.switchSite', { siteId: '01234567-89ab-7def-8123-456789abcdef' }, desk)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(desk.siteId).toBe(harbour.id);
    await t.close();
  });

  it('starts each desk at its own site, named when it starts, and refuses a site the co-op does not have', async () => {
    const dataDir = tempDir();
    const t = await startTestCoop({ dataDir });
    await bookingWorld(t);
    await t.call('settings.addSite', { name: 'Harbour Yard', timeZone: 'Europe/London' });
    await t.close();
    const atHarbour = await startCoopdeskAgain({ dataDir, now: () => FIXED_NOW, backups: false, site: 'harbour yard' });
    expect((await callerOf(atHarbour).call('settings.get', {})).site.name).toBe('Harbour Yard');
    await atHarbour.close();
    await expect(startCoopdeskAgain({ dataDir, now: () => FIXED_NOW, backups: false, site: 'Docks' })).rejects.toThrow(
      'This Coopdesk was started for the site “Docks”, and the co-op has no site of that name (its sites: Mill Lane, Harbour Yard).',
    );
  });
});
