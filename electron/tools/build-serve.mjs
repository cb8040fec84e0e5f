// `npm run serve` runs built JavaScript, not TypeScript compiled at start (which cost about a
// second): the browser host's entry bundled with esbuild, its packages with it (Node resolving
// and reading zod's and Kysely's hundreds of files took a third of the start-up). Left to
// node_modules: the native module, and what is loaded only when first used (PDFs, mail, the
// portal's certificate).
import { build } from 'esbuild';
import { resolve } from 'node:path';

await build({
  entryPoints: [resolve('electron/main/serve.ts')],
  outfile: resolve('out/serve/serve.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // (and the time zones for calendar files, read from files beside its code)
  external: ['better-sqlite3', 'pdf-lib', 'nodemailer', 'selfsigned', '@touch4it/ical-timezones'],
  // bundled CommonJS packages ask for Node's own modules with require
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  alias: { '@shared': resolve('shared') },
  sourcemap: true,
  logLevel: 'warning',
});
