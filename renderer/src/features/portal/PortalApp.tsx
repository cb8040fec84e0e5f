import { useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Link, Route, Switch, useRoute } from 'wouter';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { Reconnecting } from '../../components/Reconnecting';
import { type NavEntry, useFeatures, useSlot } from '../../feature';
import { SignInPage, useAuth } from '../auth';
import { MyDay } from './MyDay';
import './portal.css';

/**
 * The member portal: the co-op on a member's own phone or laptop. Phone first — a header with
 * the bell, the screen, and the features' tabs along the bottom; a sign-in page until signed in
 * (a sign-in link from the desk opens it with its code).
 */
export function PortalApp() {
  const auth = useAuth();
  const features = useFeatures();
  const status = useApi('system.status', {});
  const signedIn = Boolean(auth.data?.account);
  const tabs = features.flatMap((f) => (f.portal?.nav ? [{ ...f.portal.nav, key: f.name }] : []));
  return (
    <div className="portal">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="portal-header">
        <span className="logo" aria-hidden="true">
          ◎
        </span>
        <span className="portal-coop">{status.data?.coopName ?? 'Coopdesk'}</span>
        {signedIn ? <ShellParts /> : null}
        {signedIn ? <SignOut /> : null}
      </header>
      <Reconnecting />
      <main id="main" className="portal-main">
        {signedIn ? (
          <Suspense fallback={<div className="page" aria-busy="true" />}>
            <Switch>
              {features
                .flatMap((f) => f.portal?.routes ?? [])
                .map((r) => (
                  <Route key={r.path} path={r.path}>
                    {(params) => r.render(params)}
                  </Route>
                ))}
              <Route>{() => <MyDay />}</Route>
            </Switch>
          </Suspense>
        ) : (
          <Suspense fallback={<div className="page" aria-busy="true" />}>
            <Switch>
              <Route path="/code/:code">{(p) => <SignInPage code={p.code} />}</Route>
              <Route>{() => <SignInPage />}</Route>
            </Switch>
          </Suspense>
        )}
      </main>
      {signedIn ? (
        <nav aria-label="Portal" className="portal-tabs">
          <Tab href="/" label="Today" match="/" />
          {tabs.map(({ key, ...t }) => (
            <Tab key={key} {...t} />
          ))}
          <Tab href="/me" label="Me" match="/me" />
        </nav>
      ) : null}
    </div>
  );
}

function Tab({ href, label, match }: NavEntry) {
  const [active] = useRoute(match);
  return (
    <Link href={href} className={active ? 'portal-tab active' : 'portal-tab'} aria-current={active ? 'page' : undefined}>
      {label}
    </Link>
  );
}

function ShellParts() {
  return (
    <span className="shell-parts">
      {useSlot('shell').map((Part, i) => (
        <Part key={i} />
      ))}
    </span>
  );
}

function SignOut() {
  const queryClient = useQueryClient();
  return (
    <button type="button" className="link-button" onClick={() => void call('auth.signOut', {}).then(() => queryClient.invalidateQueries())}>
      Sign out
    </button>
  );
}
