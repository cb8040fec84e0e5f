import { resolve } from 'node:path';
import { startCoopdesk } from './app';
import { startHost } from './host';
import { defaultUserDataDir, resolveDataDir } from './paths';

/** `npm run serve`: the app in a browser at a 127.0.0.1 address, with the same data folder as the desktop app. */
async function main() {
  const dataDir = resolveDataDir(process.argv.slice(2), process.env, defaultUserDataDir());
  const port = Number(process.env.PORT ?? 5178);
  const rendererDir = resolve('out/renderer');
  const coopdesk = await startCoopdesk({ dataDir, rendererDir });
  const host = await startHost({ coopdesk, rendererDir, port });
  console.log(`Coopdesk is running at ${host.url}\nData folder: ${dataDir}\nPress Ctrl+C to stop.`);
  const stop = async () => {
    await host.close();
    await coopdesk.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
