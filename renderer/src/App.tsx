import { useQueryClient } from '@tanstack/react-query';
import { Link, Route, Switch, useRoute } from 'wouter';
import { call } from './api/client';
import { useApi, useLiveRefresh } from './api/hooks';
import { CommandPalette } from './components/CommandPalette';
import { AuditPage } from './features/audit/AuditPage';
import { BidRoutes } from './features/bids/BidRoutes';
import { KioskApp } from './features/auth/KioskApp';
import { useAuth } from './features/auth/useAuth';
import { TodayPage } from './features/frontdesk/TodayPage';
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
  const auth = useAuth();
  if (!auth.data) return null;
  return auth.data.mode === 'kiosk' ? <KioskApp /> : <ManagerApp passwordSet={auth.data.managerPasswordSet} />;
}

function ManagerApp({ passwordSet }: { passwordSet: boolean }) {
  const queryClient = useQueryClient();
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
          <NavItem href="/today" label="Today" match="/today" home />
          <NavItem href="/members" label="Members" match="/members/*?" />
          <NavItem href="/bookings" label="Bookings" match="/bookings/*?" />
          <NavItem href="/bookables" label="Bookables" match="/bookables/*?" />
          <NavItem href="/bids" label="Joint bids" match="/bids/*?" />
          <NavItem href="/audit" label="Audit log" match="/audit" />
          <NavItem href="/settings" label="Settings" match="/settings" />
        </nav>
        <div className="sidebar-foot muted small">
          <div>{status.data ? `${status.data.memberCount.toLocaleString()} in the register` : ''}</div>
          <div className="muted small">Ctrl+K to find anything</div>
          <button
            type="button"
            className="kiosk-button"
            title={passwordSet ? 'Hand the screen to members' : 'Set a manager password in Settings first'}
            disabled={!passwordSet}
            onClick={() => void call('auth.enterKiosk', {}).then(() => queryClient.invalidateQueries())}
          >
            Kiosk mode
          </button>
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
          <Route path="/bids/*?">{() => <BidRoutes />}</Route>
          <Route path="/settings">{() => <SettingsPage />}</Route>
          <Route path="/audit">{() => <AuditPage />}</Route>
          <Route path="/members">{() => <MembersPage />}</Route>
          <Route>{() => <TodayPage />}</Route>
        </Switch>
      </main>
      <CommandPalette />
    </div>
  );
}
