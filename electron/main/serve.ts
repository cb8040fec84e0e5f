import { resolve } from 'node:path';
import { startChosenCoopdesk } from './app';
import { startHost } from './host';
import { defaultUserDataDir, resolveDataDir } from './paths';

/** `npm run serve`: the app in a browser at a 127.0.0.1 address, with the same data folder as the desktop app. */
async function main() {
  const dataDir = resolveDataDir(process.argv.slice(2), process.env, defaultUserDataDir());
  const port = Number(process.env.PORT ?? 5178);
  const rendererDir = resolve('out/renderer');
  // COOPDESK_SITE: the site this desk works at, where a co-op has several (an id or a name)
  const site = process.env.COOPDESK_SITE || undefined;
  // a co-op whose sites share one PostgreSQL server names it in COOPDESK_DATABASE_URL or Settings → Database; else the data folder's SQLite file
  const coopdesk = await startChosenCoopdesk({ dataDir, rendererDir, site }, process.env.COOPDESK_DATABASE_URL);
  const host = await startHost({ coopdesk, rendererDir, port });
  const { database: opened } = coopdesk;
  const database = opened.engine === 'postgres' ? `PostgreSQL at ${opened.address}` : `the SQLite file in ${dataDir}`;
  console.log(`Coopdesk is running at ${host.url}\nData folder: ${dataDir}\nDatabase: ${database}\nPress Ctrl+C to stop.`);
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
