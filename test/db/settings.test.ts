import { describe, expect, it } from 'vitest';
import { freshCoopEachTest } from '../helpers/coop';

const t = freshCoopEachTest();

describe('settings', () => {
  it('first launch creates the co-op and one site open on weekdays', async () => {
    const s = await t.call('settings.get', {});
    expect(s.coop).toMatchObject({ name: 'Our co-op', currency: 'EUR', ownershipMonths: 14 });
    expect(s.site.hours.filter((d) => d.open).map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5]);
    expect(s.site.hours[0]).toEqual({ weekday: 1, open: true, opens: '08:00', closes: '18:00' });
  });

  it('one time zone governs the co-op and its site: changed on either, both follow, in one change', async () => {
    const s = await t.call('settings.get', {});
    const bySite = await t.call('settings.updateSite', { ...s.site, timeZone: 'America/New_York' });
    expect([bySite.coop.timeZone, bySite.site.timeZone]).toEqual(['America/New_York', 'America/New_York']);
    const byCoop = await t.call('settings.updateCoop', { ...bySite.coop, timeZone: 'Europe/Berlin' });
    expect([byCoop.coop.timeZone, byCoop.site.timeZone]).toEqual(['Europe/Berlin', 'Europe/Berlin']);
    // a refused zone changes neither
    const before = await t.snapshot();
    expect((await t.send('settings.updateSite', { ...byCoop.site, timeZone: 'Mars/Olympus' })).ok).toBe(false);
    expect(await t.snapshot()).toEqual(before);
  });

  it('saves the co-op and the site with its hours', async () => {
    const s = await t.call('settings.get', {});
    await t.call('settings.updateCoop', { name: 'Riverside Works', currency: 'gbp', timeZone: 'Europe/London', ownershipMonths: 12 });
    const hours = s.site.hours.map((d) => (d.weekday === 6 ? { ...d, open: true, opens: '10:00', closes: '14:00' } : d));
    const saved = await t.call('settings.updateSite', { ...s.site, name: 'Mill Lane', address: '1 Mill Lane, Leeds', timeZone: 'Europe/London', hours });
    expect(saved.coop).toEqual({ name: 'Riverside Works', currency: 'GBP', timeZone: 'Europe/London', ownershipMonths: 12 });
    expect(saved.site).toMatchObject({ name: 'Mill Lane', address: '1 Mill Lane, Leeds', timeZone: 'Europe/London' });
    expect(saved.site.hours[5]).toEqual({ weekday: 6, open: true, opens: '10:00', closes: '14:00' });
    expect(await t.call('settings.get', {})).toEqual(saved);
  });

  it.each([
    [{ currency: 'EURO' }, 'currency', 'three-letter'],
    [{ currency: 'XYZ' }, 'currency', 'Unknown currency'],
    [{ timeZone: 'Europe/Atlantis' }, 'timeZone', 'Unknown time zone'],
    [{ ownershipMonths: -1 }, 'ownershipMonths', 'negative'],
    [{ ownershipMonths: 1.5 }, 'ownershipMonths', 'Whole months'],
    [{ name: '' }, 'name', 'required'],
  ])('rejects bad co-op settings %o', async (change, field, message) => {
    const s = await t.call('settings.get', {});
    const before = await t.snapshot();
    const result = await t.send('settings.updateCoop', { ...s.coop, ...change } as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) expect(result.error.fields?.[field]).toContain(message);
    expect(await t.snapshot()).toEqual(before);
  });

  it('rejects closing before opening, naming the day', async () => {
    const s = await t.call('settings.get', {});
    const before = await t.snapshot();
    const hours = s.site.hours.map((d) => (d.weekday === 3 ? { ...d, opens: '18:00', closes: '09:00' } : d));
    const result = await t.send('settings.updateSite', { ...s.site, hours });
    expect(result).toMatchObject({ ok: false, error: { fields: { 'hours.2.closes': 'Closing time must be after opening time' } } });
    expect(await t.snapshot()).toEqual(before);
  });

  it('rejects an unknown site', async () => {
    const s = await t.call('settings.get', {});
    expect(await t.send('settings.updateSite', { ...s.site, id: 'elsewhere' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
