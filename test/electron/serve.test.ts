import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ana, tempDir } from '../helpers/coop';

// `npm run serve`'s program as built: its packages are bundled into it (a fast start), so this
// checks that the bundled CommonJS packages still work there (CSV, calendar files, zip exports),
// and that those loaded on first use (mail, PDFs) still load.
let child: ChildProcess;
let url: string;

beforeAll(async () => {
  execFileSync(process.execPath, ['electron/tools/build-serve.mjs'], { stdio: 'inherit' });
  child = spawn(process.execPath, ['out/serve/serve.js', '--data-dir', tempDir('coopdesk-test-')], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /running at (http:\/\/\S+\/)/.exec(out);
      if (found) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`the host stopped (${code})`)));
  });
}, 60_000);
afterAll(() => {
  child?.kill();
});

async function call(channel: string, input: unknown = {}) {
  const response = await fetch(`${url}api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  return (await response.json()) as { ok: boolean; data: Record<string, unknown>; error?: { message: string } };
}

describe('the bundled browser host', () => {
  it('answers, and its bundled packages work: CSV, iCalendar, a zipped export', async () => {
    expect(await call('system.status')).toMatchObject({ ok: true });
    const member = await call('members.create', ana);
    expect(member).toMatchObject({ ok: true });
    expect(String((await call('members.exportCsv')).data.csv)).toContain('Ana Ribeiro');
    expect(String((await call('bookings.ics', { memberId: member.data.id })).data.ics)).toContain('BEGIN:VCALENDAR');
    expect(await call('data.exportAll')).toMatchObject({ ok: true, data: { tables: expect.any(Object) } });
  });

  it('loads mail on first use: a server that is not there is a clear refusal, not a crash', async () => {
    const saved = await call('mail.save', { host: '127.0.0.1', port: 1, secure: false, username: '', password: '', sender: 'desk@example.coop' });
    expect(saved).toMatchObject({ ok: false, error: { message: expect.stringContaining('refused the connection') } });
    expect(await call('system.status')).toMatchObject({ ok: true });
  });
});
