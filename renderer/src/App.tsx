import { Link, Route, Switch, useRoute } from 'wouter';
import { useApi, useLiveRefresh } from './api/hooks';
import { BookableForm } from './features/bookables/BookableForm';
import { BookablesPage } from './features/bookables/BookablesPage';
import { DayBoardPage } from './features/bookings/DayBoardPage';
import { FindRoomPage } from './features/bookings/FindRoomPage';
import { PendingPage } from './features/bookings/PendingPage';
import { WeekPage } from './features/bookings/WeekPage';
import { ImportMembers } from './features/members/ImportMembers';
import { MemberDetail } from './features/members/MemberDetail';
import { MemberForm } from './features/members/MemberForm';
import { MembersPage } from './features/members/MembersPage';
import { SettingsPage } from './features/settings/SettingsPage';

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

export function App() {
  useLiveRefresh();
  const status = useApi('system.status', {});
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            ◎
          </span>
          <div>
            <div className="brand-name">Coopdesk</div>
            <div className="brand-coop">{status.data?.coopName ?? ''}</div>
          </div>
        </div>
        <nav aria-label="Main">
          <NavItem href="/members" label="Members" match="/members/*?" home />
          <NavItem href="/bookings" label="Bookings" match="/bookings/*?" />
          <NavItem href="/bookables" label="Bookables" match="/bookables/*?" />
          <NavItem href="/settings" label="Settings" match="/settings" />
        </nav>
        <div className="sidebar-foot muted small">
          {status.data ? `${status.data.memberCount.toLocaleString()} in the register` : ''}
        </div>
      </aside>
      <main id="main" className="main">
        <Switch>
          <Route path="/members/new">{() => <MemberForm />}</Route>
          <Route path="/members/import">{() => <ImportMembers />}</Route>
          <Route path="/members/:id/edit">{(p) => <MemberForm key={p.id} id={p.id} />}</Route>
          <Route path="/members/:id">{(p) => <MemberDetail id={p.id} />}</Route>
          <Route path="/bookings/find">{() => <FindRoomPage />}</Route>
          <Route path="/bookings/pending">{() => <PendingPage />}</Route>
          <Route path="/bookings/:date">{(p) => <DayBoardPage date={p.date} />}</Route>
          <Route path="/bookings">{() => <DayBoardPage />}</Route>
          <Route path="/bookables/new">{() => <BookableForm />}</Route>
          <Route path="/bookables/:id/edit">{(p) => <BookableForm key={p.id} id={p.id} />}</Route>
          <Route path="/bookables/:id/week/:date">{(p) => <WeekPage bookableId={p.id} date={p.date} />}</Route>
          <Route path="/bookables">{() => <BookablesPage />}</Route>
          <Route path="/settings">{() => <SettingsPage />}</Route>
          <Route>{() => <MembersPage />}</Route>
        </Switch>
      </main>
    </div>
  );
}
