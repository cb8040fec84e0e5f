import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeWebContents, appEvents, recorded } from '../helpers/fake-electron';
import { tempDir } from '../helpers/coop';

vi.mock('electron', async () => (await import('../helpers/fake-electron')).electron);

const built = resolve('out/main/index.js');
const ownPage = pathToFileURL(resolve('out/renderer/index.html')).href;

beforeAll(async () => {
  if (!existsSync(built)) throw new Error('Build first: npm run build');
  recorded.userData = tempDir('coopdesk-electron-');
  await import(/* @vite-ignore */ built);
  await vi.waitFor(() => expect(recorded.windows).toHaveLength(1), { timeout: 10_000 });
});

describe('the built main process', () => {
  it('opens one window with the security settings on', () => {
    const { webPreferences } = recorded.windows[0].options;
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(webPreferences.preload).toBe(resolve('out/preload/index.cjs'));
    expect(existsSync(webPreferences.preload)).toBe(true);
    expect(recorded.windows[0].loaded.file).toBe(resolve('out/renderer/index.html'));
  });

  it('registers exactly one IPC handler', () => {
    expect([...recorded.ipcHandlers.keys()]).toEqual(['coopdesk:invoke']);
  });

  it('dispatches calls from our own page', async () => {
    const invoke = recorded.ipcHandlers.get('coopdesk:invoke')!;
    const result = await invoke({ senderFrame: { url: `${ownPage}#/members`, parent: null }, sender: { id: 1 } }, 'system.status', {});
    expect(result).toMatchObject({ ok: true, data: { dataDir: recorded.userData, demoOffered: true } });
  });

  it('refuses calls from any other sender', async () => {
    const invoke = recorded.ipcHandlers.get('coopdesk:invoke')!;
    const forbidden = { ok: false, error: { code: 'FORBIDDEN' } };
    expect(await invoke({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'members.list', {})).toMatchObject(forbidden);
    expect(await invoke({ senderFrame: { url: ownPage, parent: {} } }, 'members.list', {})).toMatchObject(forbidden);
    expect(await invoke({ senderFrame: null }, 'members.list', {})).toMatchObject(forbidden);
  });

  it('denies every permission request and check', () => {
    const granted = vi.fn();
    recorded.permissionRequestHandler!({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(recorded.permissionCheckHandler!()).toBe(false);
  });

  it('denies new windows and navigation away from our page', () => {
    const contents = new FakeWebContents();
    appEvents.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler!({ url: 'https://ana.example.coop' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(recorded.openedExternally).toEqual(['https://ana.example.coop']);

    const away = { preventDefault: vi.fn() };
    contents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const home = { preventDefault: vi.fn() };
    contents.emit('will-navigate', home, `${ownPage}#/settings`);
    expect(home.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});

describe('backups with the system dialogs', () => {
  it('“Back up now…” saves where the save dialog says; “Restore…” reads a chosen file back', async () => {
    const invoke = recorded.ipcHandlers.get('coopdesk:invoke')!;
    const own = { senderFrame: { url: ownPage, parent: null }, sender: { id: 1 } };
    recorded.saveTo = join(tempDir('coopdesk-chosen-'), 'my-backup.sqlite');
    await invoke(own, 'members.create', { name: 'Ana Ribeiro', email: 'ana@example.coop', memberSince: '2025-01-01' });
    expect(await invoke(own, 'data.backupToFile', {})).toEqual({ ok: true, data: { saved: recorded.saveTo } });
    expect(existsSync(recorded.saveTo)).toBe(true);
    await invoke(own, 'members.create', { name: 'Ben Okafor', email: 'ben@example.coop', memberSince: '2025-01-01' });
    const restored = await invoke(own, 'data.restoreFromFile', {});
    expect(restored).toMatchObject({ ok: true, data: { restored: recorded.saveTo, safetyCopy: expect.stringMatching(/^pre-restore-/) } });
    const list = (await invoke(own, 'members.list', {})) as { data: { rows: { name: string }[] } };
    expect(list.data.rows.map((r: { name: string }) => r.name)).toEqual(['Ana Ribeiro']);
  });
});

describe('desktop notifications', () => {
  it('tells the host when their visitor arrives', async () => {
    const invoke = recorded.ipcHandlers.get('coopdesk:invoke')!;
    const own = { senderFrame: { url: ownPage, parent: null }, sender: { id: 1 } };
    const host = (await invoke(own, 'members.create', { name: 'Host Hana', email: 'hana@example.coop', memberSince: '2025-01-01' })) as {
      data: { id: string };
    };
    const visitor = (await invoke(own, 'visitors.create', { name: 'Dana Visitor', hostMemberId: host.data.id, expectedAt: new Date().toISOString() })) as {
      data: { id: string };
    };
    await invoke(own, 'visitors.arrive', { id: visitor.data.id });
    expect(recorded.notifications).toEqual([{ title: 'Dana Visitor has arrived', body: 'Visiting Host Hana' }]);
  });

  it('opens a bid’s document with the system’s viewer, from the data folder', async () => {
    const invoke = recorded.ipcHandlers.get('coopdesk:invoke')!;
    const own = { senderFrame: { url: ownPage, parent: null }, sender: { id: 1 } };
    const bid = (await invoke(own, 'bids.create', { title: 'Tender' })) as { data: { id: string } };
    const withDoc = (await invoke(own, 'bids.attach', { id: bid.data.id, name: 'pack.pdf', content: Buffer.from('%PDF').toString('base64') })) as {
      data: { documents: { id: string }[] };
    };
    const opened = await invoke(own, 'bids.openDocument', { id: withDoc.data.documents[0].id });
    expect(opened).toEqual({ ok: true, data: { name: 'pack.pdf', opened: true } });
    expect(recorded.openedPaths).toHaveLength(1);
    expect(recorded.openedPaths[0].startsWith(join(recorded.userData, 'documents', bid.data.id))).toBe(true);
    expect(readFileSync(recorded.openedPaths[0], 'utf8')).toBe('%PDF');
  });
});

describe('the built preload', () => {
  it('exposes exactly invoke and on, through the context bridge', async () => {
    const exposed: Record<string, any> = {};
    const invoked: unknown[][] = [];
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: { invoke: (...args: unknown[]) => invoked.push(args), on: () => {}, removeListener: () => {} },
    };
    const code = readFileSync(resolve('out/preload/index.cjs'), 'utf8');
    runInNewContext(code, { require: (name: string) => (name === 'electron' ? fakeElectron : undefined), module: {}, exports: {} });
    expect(Object.keys(exposed)).toEqual(['coopdesk']);
    expect(Object.keys(exposed.coopdesk).sort()).toEqual(['invoke', 'on']);
    exposed.coopdesk.invoke('members.list', { q: 'a' });
    expect(invoked).toEqual([['coopdesk:invoke', 'members.list', { q: 'a' }]]);
  });
});
