import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXED_NOW, ana, freshCoopEachTest } from '../helpers/coop';
import { BID_QUOTA_BYTES } from '../../electron/main/features/bids/documents.service';

const t = freshCoopEachTest();

async function bidOfAna() {
  const member = await t.call('members.create', ana);
  const actor = { role: 'member' as const, memberId: member.id };
  const bid = await t.call('bids.create', { title: 'Library fit-out', client: 'County', skills: [] } as never, actor);
  return { actor, bid };
}

const attach = (id: string, name: string, bytes: number, actor: { role: 'member'; memberId: string }) =>
  t.send('bids.attach', { id, name, content: Buffer.alloc(bytes, 7).toString('base64') }, actor);

describe('documents on the desk’s disk', () => {
  it('a document called report..final.pdf is kept and opens', async () => {
    const { actor, bid } = await bidOfAna();
    const after = await t.call('bids.attach', { id: bid.id, name: 'report..final.pdf', content: Buffer.from('x').toString('base64') }, actor);
    const doc = after.documents.find((d) => d.name === 'report..final.pdf')!;
    expect(await t.call('bids.openDocument', { id: doc.id }, actor)).toMatchObject({ name: 'report..final.pdf', content: Buffer.from('x').toString('base64') });
  });

  it('a bid’s documents stop at its quota with a clear refusal, and nothing is left on disk by the refused one', async () => {
    const { actor, bid } = await bidOfAna();
    const ten = 10 * 1024 * 1024;
    for (let i = 0; i < Math.floor(BID_QUOTA_BYTES / ten); i++) expect((await attach(bid.id, `part ${i}.pdf`, ten, actor)).ok).toBe(true);
    const files = readdirSync(join(t.dataDir, 'documents', bid.id)).length;
    const over = await attach(bid.id, 'one too many.pdf', ten, actor);
    expect(over).toMatchObject({ ok: false, error: { code: 'RULE', rule: 'quota', message: expect.stringContaining('200 MB') } });
    expect(readdirSync(join(t.dataDir, 'documents', bid.id))).toHaveLength(files);
  });

  it('the tidy job removes what interrupted operations left from before this run, and removed documents no backup can ask for', async () => {
    const { actor, bid } = await bidOfAna();
    const after = await t.call('bids.attach', { id: bid.id, name: 'old tender.pdf', content: Buffer.from('x').toString('base64') }, actor);
    // removed a year before the oldest backup
    t.coop.ctx.now = () => new Date(FIXED_NOW.getTime() - 400 * 86_400_000);
    await t.call('bids.removeDocument', { id: after.documents[0].id }, actor);
    t.coop.ctx.now = () => FIXED_NOW;
    await t.call('data.backupNow', {});
    const kept = join(t.dataDir, 'backups', 'documents', bid.id);
    expect(readdirSync(kept)).toHaveLength(1);
    // an export cut short and a restore's working folder, from an earlier run, and one of this run
    const exports = join(t.dataDir, 'exports');
    mkdirSync(exports, { recursive: true });
    writeFileSync(join(exports, '.coopdesk-export-2026-01-01T00-00-00Z.zip.part'), 'half');
    mkdirSync(join(t.dataDir, 'backups', '.checking-old'));
    const past = new Date(performance.timeOrigin - 60_000);
    utimesSync(join(exports, '.coopdesk-export-2026-01-01T00-00-00Z.zip.part'), past, past);
    utimesSync(join(t.dataDir, 'backups', '.checking-old'), past, past);
    writeFileSync(join(exports, '.in-progress.part'), 'now');

    expect(await t.coop.runJob('data.tidy')).toBe(3);
    expect(existsSync(kept)).toBe(false);
    expect(readdirSync(exports)).toEqual(['.in-progress.part']);
    expect(readdirSync(join(t.dataDir, 'backups')).filter((n) => n.startsWith('.'))).toEqual([]);
    // a second run finds nothing and writes nothing
    expect(await t.coop.runJob('data.tidy')).toBe(0);
  });
});
