// Prepares better-sqlite3 for Electron's ABI without touching the Node build in node_modules,
// so `npm test` (Node) and `npm start` (Electron) both work after one install, in any order.
// The build lands in node_modules/.coopdesk-native/electron-<version>/better_sqlite3.node
// (electron/main/native.ts reads it from there).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const target = join(root, 'node_modules', '.coopdesk-native', `electron-${electronVersion}`, 'better_sqlite3.node');

if (existsSync(target)) process.exit(0);

const source = dirname(require.resolve('better-sqlite3/package.json'));
const work = mkdtempSync(join(tmpdir(), 'coopdesk-native-'));
cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${source}/build`) });

// npm passes .npmrc's nodedir (Node's headers) down; Electron needs its own headers.
const env = { ...process.env };
for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];

const run = (command, args) => execFileSync(command, args, { cwd: work, env, stdio: 'inherit' });
console.log(`Preparing better-sqlite3 for Electron ${electronVersion} (once)…`);
try {
  run(process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime=electron', `--target=${electronVersion}`]);
} catch {
  console.log('No prebuilt binary; compiling against Electron headers…');
  // npm tells scripts where its bundled node-gyp is; otherwise fetch it with npx.
  const gyp = env.npm_config_node_gyp;
  const [command, prefix] = gyp ? [process.execPath, [gyp]] : ['npx', ['--yes', 'node-gyp']];
  run(command, [...prefix, 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers']);
}
mkdirSync(dirname(target), { recursive: true });
cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
rmSync(work, { recursive: true, force: true });
console.log(`better-sqlite3 for Electron is ready: ${target}`);
