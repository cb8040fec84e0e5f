// `npm run serve` runs built JavaScript, not TypeScript compiled at start (which cost about a
// second): the browser host's entry bundled with esbuild, packages left to node_modules.
import { build } from 'esbuild';
import { resolve } from 'node:path';

await build({
  entryPoints: [resolve('electron/main/serve.ts')],
  outfile: resolve('out/serve/serve.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  alias: { '@shared': resolve('shared') },
  sourcemap: true,
  logLevel: 'warning',
});
