import { parse } from 'regexparam';
import { onMembersNetwork, startReads } from './api/client';
import { bookingScreens } from './features/bookings/screens';
import { todayScreen } from './features/frontdesk/screens';
import { memberScreens } from './features/members/screens';
import { read, type Read, type Screen, type ScreenParams } from './screen';
import { warmIntl } from './warmIntl';

/**
 * The screens a person opens the app on (a bookmark, the desk's morning window). Their code and
 * first reads start here, in the page's first small script, so data and code travel together
 * instead of the reads waiting for the app to boot. Other addresses still open: the app starts
 * their reads itself, a moment later.
 */
const FIRST_SCREENS: readonly Screen[] = [todayScreen, ...Object.values(bookingScreens), ...Object.values(memberScreens)];
const matchers = FIRST_SCREENS.map((screen) => ({ screen, ...parse(screen.path) }));

/** The screen at a path (as the hash router reads it) and its parameters. */
export function screenAt(path: string): { screen: Screen; params: ScreenParams } | null {
  for (const { screen, keys, pattern } of matchers) {
    const found = pattern.exec(path);
    if (found) return { screen, params: Object.fromEntries(keys.map((key, i) => [key, found[i + 1] && decodeURIComponent(found[i + 1])])) };
  }
  return null;
}

/**
 * Starts the session check, the shell's status and the opened screen's reads (one request); then
 * `loadApp`, the app's own code (needed first: nothing is drawn without React); then the screen's code.
 */
export function startFirstScreen(loadApp: () => Promise<unknown>): void {
  const reads: Read[] = [read('auth.status', {}), read('system.status', {})];
  // a member's device is shown the portal, whose screens are not the desk's
  const path = window.location.hash.replace(/^#/, '').split('?')[0];
  const found = onMembersNetwork() ? null : screenAt(path === '' || path === '/' ? todayScreen.path : path);
  if (found) reads.push(...(found.screen.reads?.(found.params, new URLSearchParams(window.location.search)) ?? []));
  startReads(reads);
  void loadApp();
  // a screen whose code fails to load here is loaded (and its failure shown) by the app itself
  found?.screen.load().catch(() => undefined);
  // once the requests above have left
  warmIntl();
}
