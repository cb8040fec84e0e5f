import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useState } from 'react';
import { Link, Route, Switch, useLocation, useRoute } from 'wouter';
import { call, onMembersNetwork } from './api/client';
import { useApi, useLiveRefresh } from './api/hooks';
import { CommandPalette } from './components/CommandPalette';
import { formatCount } from './components/format';
import { NARROW, useMediaQuery } from './components/useMediaQuery';
import { useAfterPaint } from './components/useAfterPaint';
import { whenIdle } from './components/whenIdle';
import { FeaturesProvider, preloadAllPages, useSlot } from './feature';
import { UI_FEATURES } from './features';
import { KioskApp, NameYourself, useAuth } from './features/auth';
import { HOME_PATH } from './features/frontdesk';
import { PortalApp } from './features/portal';
import { HOME, ROUTES, routeAt } from './navigation';
import { Reconnecting } from './components/Reconnecting';

// The shell's own reads (the co-op's name, the register's size) follow every change too.
const FOLLOW_EVERY_CHANGE = ['system.', ...UI_FEATURES.flatMap((f) => f.followsEveryChange ?? [])];

function NavItem({ href, label, match, home }: { href: string; label: string; match: string; home?: boolean }) {
  const [matched] = useRoute(match);
  const [atHome] = useRoute('/');
  const active = matched || (home && atHome);
  return (
    <Link href={href} className={active ? 'nav-item active' : 'nav-item'} aria-current={active ? 'page' : undefined}>
      {label}
    </Link>
  );
}

/**
 * On every navigation, the screen's code starts loading with the session check, not after it
 * (its reads are started by `prefetchOnNavigation`); once the first screen is drawn, the other
 * screens' code loads while idle. Returns whether the first screen's code has arrived: the shell
 * waits for it rather than drawing a placeholder (React keeps a placeholder up for at least 300 ms once shown).
 */
function usePrepareRoute(): boolean {
  const [location] = useLocation();
  const [firstLoaded, setFirstLoaded] = useState(false);
  useEffect(() => {
    // a member's device loads the portal's shell with the session check instead of the desk's screen;
    // a screen whose code failed to load still lets the shell draw (with its own error), never a blank window
    void Promise.resolve((onMembersNetwork() ? PortalApp : routeAt(location).route.page)?.preload())
      .catch(() => undefined)
      .then(() => setFirstLoaded(true));
  }, [location]);
  return firstLoaded;
}

/**
 * The other screens' code is fetched only once the first screen has painted with its data: when
 * its code is here, no read is in flight, and two frames have passed. Before, it competed with
 * the first screen for the network and the main thread. A component of its own, gone once it has
 * started: the count of reads in flight changes with every fetch, and would redraw the whole app
 * (the shell and the screen, twice for each keystroke of a search).
 */
function PreloadAfterFirstPaint({ ready, onStarted }: { ready: boolean; onStarted: () => void }): null {
  const fetching = useIsFetching();
  const painted = useAfterPaint(ready && fetching === 0);
  useEffect(
    () =>
      painted
        ? whenIdle(() => {
            onStarted();
            preloadAllPages();
          }, 500)
        : undefined,
    [painted, onStarted],
  );
  return null;
}

export function App() {
  useLiveRefresh(FOLLOW_EVERY_CHANGE);
  // The session first: it is small, and the host answers in order.
  const auth = useAuth();
  const firstScreenLoaded = usePrepareRoute();
  const [preloading, setPreloading] = useState(false);
  const started = useCallback(() => setPreloading(true), []);
  const ready = Boolean(auth.data) && firstScreenLoaded;
  return (
    <>
      {/* a phone on the portal fetches each tab's code when opened, not every desk screen's */}
      {preloading || onMembersNetwork() ? null : <PreloadAfterFirstPaint ready={ready} onStarted={started} />}
      {auth.data && ready ? (
        <FeaturesProvider value={UI_FEATURES}>
          <Suspense fallback={null}>
            {auth.data.mode === 'portal' ? <PortalApp /> : auth.data.mode === 'kiosk' ? <KioskApp /> : <ManagerApp passwordSet={auth.data.staffAccounts} />}
          </Suspense>
        </FeaturesProvider>
      ) : null}
    </>
  );
}

/** The features' small parts of the shell (the bell for whoever is signed in, the site where there are several). */
function ShellParts() {
  const parts = useSlot('shell');
  return (
    <div className="shell-parts">
      {parts.map((Part, i) => (
        <Part key={i} />
      ))}
    </div>
  );
}

/** Who is signed in at the desk, and signing out (back to the kiosk). */
function SignedIn() {
  const auth = useAuth();
  const queryClient = useQueryClient();
  const account = auth.data?.account;
  if (!account) return null;
  return (
    <div className="signed-in">
      <span>{account.name || 'Manager'}</span>{' '}
      <button type="button" className="link-button" onClick={() => void call('auth.signOut', {}).then(() => queryClient.invalidateQueries())}>
        Sign out
      </button>
    </div>
  );
}

function ManagerApp({ passwordSet }: { passwordSet: boolean }) {
  const queryClient = useQueryClient();
  const auth = useAuth();
  const status = useApi('system.status', {});
  const narrow = useMediaQuery(NARROW);
  // the menu folds away on its own in a narrow window; the person's own choice wins
  const [choice, setChoice] = useState<boolean | null>(null);
  const folded = choice ?? narrow;
  // A new install opens on the welcome (demo or set-up) instead of an empty Today.
  const [location, navigate] = useLocation();
  const firstRun = status.data?.firstRun === true;
  useEffect(() => {
    if (firstRun && (location === '/' || location === HOME_PATH)) navigate('/welcome', { replace: true });
  }, [firstRun, location, navigate]);
  return (
    <div className={folded ? 'shell folded' : 'shell'}>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <aside className="sidebar">
        <button type="button" className="fold-button" aria-expanded={!folded} aria-controls="main-nav" onClick={() => setChoice(!folded)}>
          <span aria-hidden="true">{folded ? '»' : '«'}</span>
          <span className="visually-hidden">{folded ? 'Show the menu' : 'Hide the menu'}</span>
        </button>
        <div className="brand">
          <span className="logo" aria-hidden="true">
            ◎
          </span>
          <div>
            <div className="brand-name">Coopdesk</div>
            <div className="brand-coop">{status.data?.coopName ?? ''}</div>
          </div>
          <ShellParts />
        </div>
        <nav aria-label="Main" id="main-nav">
          {UI_FEATURES.flatMap((f) =>
            f.nav && !(f.nav.managerOnly && auth.data?.account?.role === 'frontdesk')
              ? [<NavItem key={f.name} {...f.nav} home={f.nav.href === HOME_PATH} />]
              : [],
          )}
        </nav>
        <div className="sidebar-foot muted small">
          <SignedIn />
          <div>{status.data ? `${formatCount(status.data.memberCount)} in the register` : ''}</div>
          <div className="muted small">Ctrl+K to find anything</div>
          <button
            type="button"
            className="kiosk-button"
            title={passwordSet ? 'Hand the screen to members' : undefined}
            aria-describedby={passwordSet ? undefined : 'kiosk-why'}
            disabled={!passwordSet}
            onClick={() => void call('auth.enterKiosk', {}).then(() => queryClient.invalidateQueries())}
          >
            Kiosk mode
          </button>
          {passwordSet ? null : (
            <div id="kiosk-why" className="muted small">
              Needs a manager account: <Link href="/settings">Settings</Link>
            </div>
          )}
        </div>
      </aside>
      <main id="main" className="main">
        <Reconnecting />
        {auth.data?.needsName ? (
          <Suspense fallback={null}>
            <div className="page">
              <NameYourself />
            </div>
          </Suspense>
        ) : null}
        <Suspense fallback={<div className="page" aria-busy="true" />}>
          <Switch>
            {ROUTES.map((r) => (
              <Route key={r.path} path={r.path}>
                {(params) => r.render(params)}
              </Route>
            ))}
            <Route>{() => HOME.render({})}</Route>
          </Switch>
        </Suspense>
      </main>
      <CommandPalette />
    </div>
  );
}
