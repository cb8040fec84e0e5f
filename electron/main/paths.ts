import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the data lives: `--data-dir <path>` or `--data-dir=<path>` wins, then COOPDESK_DATA_DIR,
 * then `fallback` (Electron's userData folder in the app, the same folder in the browser host).
 */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data-dir' && argv[i + 1]) return argv[i + 1];
    if (argv[i].startsWith('--data-dir=')) return argv[i].slice('--data-dir='.length);
  }
  return env.COOPDESK_DATA_DIR || fallback;
}

/** The folder Electron uses as userData for an app named Coopdesk, for runs outside Electron. */
export function defaultUserDataDir(platform = process.platform, env = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Coopdesk');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Coopdesk');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Coopdesk');
}
