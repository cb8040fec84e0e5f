import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, dialog } from 'electron';
import { type Coopdesk, startChosenCoopdesk } from './app';
import type { Database } from './db/open';
import type { PostgresDatabase } from './db/postgres';
import { desktopDialogs } from './dialogs';
import { registerIpc } from './ipc';
import { findElectronBinding } from './native';
import { resolveDataDir } from './paths';
import { applySecurity } from './security';
import { ownPagePredicate } from './trust';
import { createMainWindow } from './window';

/** Lifecycle only: open the data, register the one IPC handler, show the window. */

const here = fileURLToPath(new URL('.', import.meta.url));
const preloadPath = join(here, '../preload/index.cjs');
const indexFile = join(here, '../renderer/index.html');
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const isOwnPage = ownPagePredicate(pathToFileURL(indexFile).href, devServerUrl);

let coopdesk: Coopdesk<Database | PostgresDatabase> | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.setName('Coopdesk');
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void coopdesk?.close());

  void app.whenReady().then(async () => {
    applySecurity(isOwnPage);
    const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
    try {
      const options = {
        dataDir,
        nativeBinding: findElectronBinding(app.getAppPath(), process.versions.electron),
        desktop: desktopDialogs,
        // the member portal, when the manager turns it on, serves the same built screens
        rendererDir: join(here, '../renderer'),
        // a co-op with several sites: this desk's site, and the PostgreSQL server they share (README)
        site: process.env.COOPDESK_SITE || undefined,
      };
      // the server chosen in Settings → Database, unless the environment names one
      coopdesk = await startChosenCoopdesk(options, process.env.COOPDESK_DATABASE_URL);
    } catch (error) {
      dialog.showErrorBox('Coopdesk cannot open its data', error instanceof Error ? error.message : String(error));
      app.quit();
      return;
    }
    registerIpc(coopdesk.api, isOwnPage);
    createMainWindow(preloadPath, devServerUrl ? { url: devServerUrl } : { file: indexFile });
  });
}
