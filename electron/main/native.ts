import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 is compiled for Node in node_modules (tests, browser host). The desktop app
 * needs a build for Electron's ABI, which `npm start` prepares once (electron/tools/prepare-native.mjs)
 * in this folder and which is passed to better-sqlite3 as its `nativeBinding`.
 */
export function electronBindingPath(appPath: string, electronVersion: string): string {
  return join(appPath, 'node_modules', '.coopdesk-native', `electron-${electronVersion}`, 'better_sqlite3.node');
}

export function findElectronBinding(appPath: string, electronVersion: string | undefined): string | undefined {
  if (!electronVersion) return undefined;
  const path = electronBindingPath(appPath, electronVersion);
  return existsSync(path) ? path : undefined;
}
