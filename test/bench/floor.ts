import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { SECURITY_HEADERS } from '../../electron/main/host';

/**
 * What this machine's browser needs for a cold open before any of our code, so that the cold-open
 * figures can be read against it: a page of one paragraph, and a static copy of the painted day
 * board (its HTML and the app's stylesheet, cached; no script: what a server-rendered page of the
 * same board would cost the browser). Both are served with the host's own headers: its
 * `Cross-Origin-Opener-Policy` puts a page opened from elsewhere in a new process, as it does the
 * app's (on this 2-core machine that alone is 100–250 ms of a cold open), so the pages open as
 * the app does. The board is also served without that header, as a server-rendered page that
 * does not send it is (opened from the same site, it keeps its page's process). Each figure is
 * the page's first contentful paint, from navigation start.
 */
export interface FloorPages {
  paragraph: string;
  staticBoard: string;
  /** The same board without `Cross-Origin-Opener-Policy`. */
  staticBoardWithoutCoop: string;
  close(): Promise<void>;
}

/** Serves the pages; the board is copied from `boardAddress` once its bookings are painted. */
export async function floorPages(page: Page, boardAddress: string): Promise<FloorPages> {
  await page.goto(boardAddress);
  await page.locator('.board .block').first().waitFor();
  const board = await page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('script, link[rel=modulepreload], meta[http-equiv]').forEach((e) => e.remove());
    // the stylesheets from the page's own server (the host's are for the host's pages only)
    copy.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]').forEach((link) => link.setAttribute('href', new URL(link.href).pathname));
    return `<!doctype html>\n${copy.outerHTML}`;
  });
  const { 'Cross-Origin-Opener-Policy': _, ...withoutCoop } = SECURITY_HEADERS;
  const pages: Record<string, { body: string; headers: Record<string, string> }> = {
    '/paragraph': { body: '<!doctype html><html lang="en"><title>Paragraph</title><p>One paragraph.</p></html>', headers: SECURITY_HEADERS },
    '/board': { body: board, headers: SECURITY_HEADERS },
    '/board-without-coop': { body: board, headers: withoutCoop },
  };
  const server = createServer((req, res) => {
    const path = req.url ?? '';
    // the board's stylesheets, from the built renderer, cached as the host caches them
    if (path.startsWith('/assets/') && path.endsWith('.css')) {
      res.writeHead(200, { 'content-type': 'text/css', 'cache-control': 'public, max-age=31536000, immutable', ...SECURITY_HEADERS });
      return res.end(readFileSync(resolve('out/renderer/assets', basename(path))));
    }
    const found = pages[path];
    res.writeHead(found ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...(found?.headers ?? SECURITY_HEADERS) });
    res.end(found?.body ?? '');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    paragraph: `${base}/paragraph`,
    staticBoard: `${base}/board`,
    staticBoardWithoutCoop: `${base}/board-without-coop`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** A page opened cold: from a blank page to its first contentful paint, as the browser timed it. */
export async function firstContentfulPaint(page: Page, address: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(address);
  return page.evaluate(
    () =>
      new Promise<number>((done, fail) => {
        setTimeout(() => fail(new Error('no contentful paint within 10 s')), 10_000);
        new PerformanceObserver((list, observer) => {
          const fcp = list.getEntriesByName('first-contentful-paint')[0];
          if (!fcp) return;
          observer.disconnect();
          done(fcp.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
}
