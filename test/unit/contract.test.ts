import { describe, expect, it } from 'vitest';
import { contract } from '@shared/contract';
import { memberFields } from '@shared/contract/members.contract';
import { coopSettings } from '@shared/contract/settings.contract';
import { toFtsQuery } from '../../electron/main/db/search';
import { defaultUserDataDir, resolveDataDir } from '../../electron/main/paths';
import { isSafeExternalUrl, ownPagePredicate } from '../../electron/main/trust';

describe('the contract', () => {
  it('names every channel domain.verb', () => {
    for (const name of Object.keys(contract)) expect(name).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/);
  });

  it('normalizes what people type', () => {
    const parsed = memberFields.parse({
      name: ' Ana ',
      email: ' ANA@Example.coop ',
      memberSince: '2025-03-14',
      website: 'ana.coop',
      offers: ['Web design', 'web design '],
    });
    expect(parsed).toMatchObject({
      name: 'Ana',
      email: 'ana@example.coop',
      website: 'https://ana.coop',
      offers: ['web design'],
      status: 'active',
      role: 'member',
    });
  });

  it('rejects wrong types and oversized input', () => {
    expect(memberFields.safeParse({ name: 42, email: [], memberSince: null }).success).toBe(false);
    expect(memberFields.safeParse({ name: 'x'.repeat(121), email: 'a@b.co', memberSince: '2025-01-01' }).success).toBe(false);
    expect(
      memberFields.safeParse({
        name: 'A',
        email: 'a@b.co',
        memberSince: '2025-01-01',
        offers: Array(41)
          .fill('x')
          .map((x, i) => x + i),
      }).success,
    ).toBe(false);
  });

  it('settings need a real currency and zone', () => {
    expect(coopSettings.safeParse({ name: 'C', currency: 'gbp', timeZone: 'Europe/London', ownershipMonths: 14 })).toMatchObject({
      success: true,
      data: { currency: 'GBP' },
    });
    expect(coopSettings.safeParse({ name: 'C', currency: 'ZZZ', timeZone: 'Europe/London', ownershipMonths: 14 }).success).toBe(false);
  });
});

describe('search query building', () => {
  it('turns words into prefix terms and drops FTS syntax', () => {
    expect(toFtsQuery('Ana web')).toBe('"ana"* "web"*');
    expect(toFtsQuery('ana@example.coop')).toBe('"ana"* "example"* "coop"*');
    expect(toFtsQuery('NEAR(a b) OR "x" -y*')).toBe('"near"* "a"* "b"* "or"* "x"* "y"*');
    expect(toFtsQuery('  "*() ')).toBeNull();
    expect(toFtsQuery('Müller')).toBe('"müller"*');
  });
});

describe('where the data lives', () => {
  it('--data-dir beats COOPDESK_DATA_DIR beats the default', () => {
    expect(resolveDataDir(['--data-dir', '/a'], { COOPDESK_DATA_DIR: '/b' }, '/c')).toBe('/a');
    expect(resolveDataDir(['--data-dir=/a2'], {}, '/c')).toBe('/a2');
    expect(resolveDataDir([], { COOPDESK_DATA_DIR: '/b' }, '/c')).toBe('/b');
    expect(resolveDataDir([], {}, '/c')).toBe('/c');
  });
  it('matches Electron userData folders per platform', () => {
    expect(defaultUserDataDir('linux', {}, '/home/u')).toBe('/home/u/.config/Coopdesk');
    expect(defaultUserDataDir('darwin', {}, '/Users/u')).toBe('/Users/u/Library/Application Support/Coopdesk');
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u')).toContain('Coopdesk');
  });
});

describe('trusted URLs', () => {
  const own = ownPagePredicate('file:///opt/coopdesk/out/renderer/index.html');
  it('trusts our own page with any hash route, nothing else', () => {
    expect(own('file:///opt/coopdesk/out/renderer/index.html#/members/1')).toBe(true);
    expect(own('file:///etc/passwd')).toBe(false);
    expect(own('https://example.com/')).toBe(false);
    expect(own('not a url')).toBe(false);
  });
  it('trusts the dev server origin in development', () => {
    const dev = ownPagePredicate('file:///x/index.html', 'http://localhost:5173/');
    expect(dev('http://localhost:5173/#/settings')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
  });
  it('opens only https and mailto links outside the app', () => {
    const cases: [string, boolean][] = [
      ['https://ana.example.coop', true],
      ['mailto:ana@example.coop', true],
      ['http://ana.example.coop', false],
      ['file:///etc/passwd', false],
      ['javascript:alert(1)', false],
      ['https://user:pw@evil.example', false],
      ['smb://server/share', false],
    ];
    for (const [url, safe] of cases) expect(isSafeExternalUrl(url), url).toBe(safe);
  });
});
