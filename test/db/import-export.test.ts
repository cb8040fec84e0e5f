import Papa from 'papaparse';
import { beforeEach, describe, expect, it } from 'vitest';
import { ana, startTestCoop, freshCoopEachTest } from '../helpers/coop';

const t = freshCoopEachTest();
beforeEach(async () => {
  await t.call('members.create', ana);
});

const CSV = [
  'Name,Email,Business Name,Member Since,Offers,Needs,Status',
  'Ben Okafor,ben@example.coop,Okafor Words,2024-01-10,copywriting; tender writing,web design,active',
  ',nobody@example.coop,,2024-01-10,,,',
  'Chiara Novak,chiara@example.coop,Novak Legal,2024-13-01,legal advice,,',
  'Dup Ana,ANA@example.coop,,,,,',
  'Dev Patel,dev@example.coop,Patel Digital,,software,,sleeping',
  'Eve Twice,eve@example.coop,,,,,',
  'Eve Again,eve@example.coop,,,,,',
].join('\n');

describe('CSV import', () => {
  it('a dry run reports every row with reasons and writes nothing', async () => {
    const before = await t.snapshot();
    const report = await t.call('members.importCsv', { csv: CSV, dryRun: true });
    expect(await t.snapshot()).toEqual(before);
    expect(report).toMatchObject({ dryRun: true, created: 2, rejected: 5 });
    const byLine = Object.fromEntries(report.rows.map((r) => [r.line, r]));
    expect(byLine[2]).toMatchObject({ outcome: 'create', name: 'Ben Okafor' });
    expect(byLine[3].errors).toEqual({ name: 'Name is required' });
    expect(byLine[4].errors).toEqual({ member_since: 'There is no such day in the calendar' });
    expect(byLine[5].errors.email).toBe('Already the email of Ana Ribeiro');
    expect(byLine[6].errors.status).toBe('Status is active, paused or left');
    expect(byLine[7]).toMatchObject({ outcome: 'create' });
    expect(byLine[8].errors.email).toBe('Same email as line 7');
  });

  it('a real run creates the valid rows and reports the rest', async () => {
    const report = await t.call('members.importCsv', { csv: CSV, dryRun: false });
    expect(report).toMatchObject({ dryRun: false, created: 2, rejected: 5 });
    const { rows } = await t.call('members.list', { q: 'tender' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'Ben Okafor', offers: ['copywriting', 'tender writing'], memberSince: '2024-01-10' });
    const eve = await t.call('members.list', { q: 'eve' });
    expect(eve.rows[0].memberSince).toBe('2026-11-24'); // blank start date means today
  });

  it('refuses a file without the required columns, changing nothing', async () => {
    const before = await t.snapshot();
    const result = await t.send('members.importCsv', { csv: 'full name;mail\nA;a@b.c', dryRun: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { csv: expect.stringContaining('name and email') } } });
    expect(await t.snapshot()).toEqual(before);
  });

  it('refuses almost 5 MB of empty lines before parsing them, next to the file field, changing nothing', async () => {
    const before = await t.snapshot();
    const result = await t.send('members.importCsv', { csv: `name,email\n${'\n'.repeat(4_900_000)}`, dryRun: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { csv: expect.stringContaining('more than 100,000 lines') } } });
    expect(await t.snapshot()).toEqual(before);
  });
});

describe('CSV export', () => {
  it('exports every member with tags and survives a round trip through import', async () => {
    await t.call('members.create', { ...ana, name: 'Zoë "Z" Müller', email: 'zoe@example.coop', notes: 'line one\nline two, with comma' });
    const file = await t.call('members.exportCsv', { includeArchived: true });
    expect(file.filename).toBe('coopdesk-members-2026-11-24.csv');
    const parsed = Papa.parse<Record<string, string>>(file.csv, { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(2);
    expect(parsed.data[1]).toMatchObject({ number: '2', name: 'Zoë "Z" Müller', offers: 'branding; web design', notes: 'line one\nline two, with comma' });

    const other = await startTestCoop();
    try {
      const report = await other.call('members.importCsv', { csv: file.csv, dryRun: false });
      expect(report.created).toBe(2);
      const a = (await t.call('members.list', {})).rows.map(({ id: _id, ...rest }) => rest);
      const b = (await other.call('members.list', {})).rows.map(({ id: _id, ...rest }) => rest);
      expect(b).toEqual(a);
    } finally {
      await other.close();
    }
  });

  it('keeps formulas out of spreadsheets', async () => {
    await t.call('members.create', { ...ana, email: 'f@example.coop', businessName: '=HYPERLINK("http://x")' });
    const file = await t.call('members.exportCsv', { includeArchived: true });
    expect(file.csv).toContain(`'=HYPERLINK`);
    // a phone number is quoted too (a spreadsheet would compute +44 7700 …); importing reads it back as it was
    expect(file.csv).toContain("'+44 7700 900123");
  });
});
