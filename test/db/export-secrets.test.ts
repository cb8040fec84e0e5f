import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ana, freshCoopEachTest } from '../helpers/coop';

const t = freshCoopEachTest();

describe('what leaves the machine', () => {
  it('an export carries no PIN or password hashes and no sign-in counters', async () => {
    await t.call('auth.setUp', { name: 'Kasia Nowak', email: 'kasia@example.coop', password: 'front-desk-2026' });
    const member = await t.call('members.create', ana);
    await t.call('auth.setPin', { memberId: member.id, pin: '4821' });
    const exported = await t.call('data.exportAll', {});
    const zip = unzipSync(readFileSync(join((await t.call('data.exports', {})).folder, exported.name)));
    expect(Object.keys(zip)).not.toEqual(expect.arrayContaining(['credentials.csv']));
    for (const [name, bytes] of Object.entries(zip)) expect(strFromU8(bytes), name).not.toContain('scrypt$');
  });

  it('every CSV the app writes defuses formula cells, and the full export reads its own cells back unchanged', async () => {
    const nasty = ['+1+cmd|x', '-2+3', '=HYPERLINK("http://x")', '@SUM(A1)', "'=already quoted", '\tTab'];
    const member = await t.call('members.create', {
      ...ana,
      businessName: nasty[0],
      businessDescription: nasty[1],
      notes: nasty.join(' / '),
      phone: '+44 7700 900123',
    });
    await t.call('visitors.create', { name: nasty[2], company: nasty[3], hostMemberId: member.id, expectedAt: '2026-11-24T11:00:00Z' });
    const register = Papa.parse<Record<string, string>>((await t.call('members.exportCsv', {})).csv, { header: true }).data[0];
    expect([register.business_name, register.business_description]).toEqual(["'+1+cmd|x", "'-2+3"]);
    expect(register.phone).toBe("'+44 7700 900123");
    const visitors = Papa.parse<string[]>((await t.call('visitors.exportDay', { date: '2026-11-24' })).csv).data[1];
    expect(visitors.slice(1, 3)).toEqual(['\'=HYPERLINK("http://x")', "'@SUM(A1)"]);

    const exported = await t.call('data.exportAll', {});
    const zip = unzipSync(readFileSync(join((await t.call('data.exports', {})).folder, exported.name)));
    const rows = Papa.parse<Record<string, string>>(strFromU8(zip['members.csv']), { header: true }).data;
    expect(rows[0].business_name).toBe("'+1+cmd|x");
    expect(rows[0].business_description).toBe("'-2+3");
  });

  it('the audit log says how big an attached file was, never what was in it', async () => {
    const member = await t.call('members.create', ana);
    const actor = { role: 'member' as const, memberId: member.id };
    const bid = await t.call('bids.create', { title: 'Bid', client: 'C', skills: [] } as never, actor);
    await t.call('bids.attach', { id: bid.id, name: 'n.txt', content: Buffer.from('secret plan').toString('base64') }, actor);
    const row = t.coop.database.sqlite.prepare("select details from audit_log where channel = 'bids.attach'").get() as { details: string };
    expect(JSON.parse(row.details).content).toBe('(16 characters)');
  });
});
