import type { QueryClient } from '@tanstack/react-query';
import { parse } from 'regexparam';
import { matchRoute } from 'wouter';
import { onMembersNetwork } from './api/client';
import { prefetchRead } from './api/hooks';
import type { RouteDef } from './feature';
import { UI_FEATURES } from './features';
import { HOME_PATH } from './features/frontdesk';

export const ROUTES = UI_FEATURES.flatMap((f) => f.routes ?? []);
export const HOME = ROUTES.find((r) => r.path === HOME_PATH)!;

/** The desk's route at a path and its parameters: the home screen for "/" and for any unknown path. */
export function routeAt(path: string): { route: RouteDef; params: Record<string, string | undefined> } {
  for (const route of ROUTES) {
    const [matched, params] = matchRoute(parse, route.path, path);
    if (matched) return { route, params: params as Record<string, string | undefined> };
  }
  return { route: HOME, params: {} };
}

/** Starts the first reads of the screen at a path through the query cache: each in flight once, whoever asks first. */
function prefetchScreen(client: QueryClient, path: string, search: string): void {
  // a member's device is shown the portal, whose screens are not the desk's
  if (onMembersNetwork()) return;
  const { route, params } = routeAt(path);
  for (const [channel, input] of route.reads?.(params, new URLSearchParams(search)) ?? []) prefetchRead(client, channel, input);
}

/**
 * A navigation's reads leave as soon as it is known, not once React has drawn the new screen
 * and its queries mount (15–30 ms later on a busy screen): when a link inside the app is pressed,
 * and when the address changes. Added before the router's own listener, so it goes first. The
 * first screen's (and the sidebar's) are started here too, before React's first render: no
 * address change brings them, and most were sent with the page (`startReads`) and are taken from there.
 */
export function prefetchOnNavigation(client: QueryClient): void {
  // as the router reads them: a path from the hash, and the query (kept from the address when the link has none)
  const pathOf = (hash: string) => '/' + hash.replace(/^#?\/?/, '').split('?')[0];
  addEventListener('pointerdown', (event) => {
    const link = event.button === 0 && event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href^="#/"]') : null;
    if (!link) return;
    const [, search = window.location.search] = link.getAttribute('href')!.split('?');
    prefetchScreen(client, pathOf(link.getAttribute('href')!), search);
  });
  addEventListener('hashchange', () => prefetchScreen(client, pathOf(window.location.hash), window.location.search));
  prefetchRead(client, 'system.status', {});
  prefetchScreen(client, pathOf(window.location.hash), window.location.search);
}
