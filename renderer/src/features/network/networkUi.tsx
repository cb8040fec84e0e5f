import { Link, useRoute } from 'wouter';
import type { MemberRef } from '@shared/contract/network.contract';
import { formatMoney } from '@shared/domain/money';
import { useAuth } from '../auth';

/** Who is looking: the member (at the kiosk or on the portal), the desk, and whether the desk is the manager. */
export function useViewer() {
  const auth = useAuth().data;
  const memberId = auth?.mode === 'manager' ? null : (auth?.member?.id ?? auth?.account?.memberId ?? null);
  const staff = auth?.mode === 'manager';
  const manager = staff && (!auth?.account || auth.account.role === 'manager');
  return { memberId, staff, manager, ready: Boolean(auth) };
}

/** An amount, or a dash where it is not the viewer's to see. */
export const amount = (minor: number | null, currency: string) => (minor === null ? '—' : formatMoney(minor, currency));

/** "Ana Ribeiro, Kasia Nowak and 5 more". */
export const names = (refs: readonly MemberRef[], total = refs.length) =>
  refs.map((m) => m.name).join(', ') + (total > refs.length ? ` and ${total - refs.length} more` : '');

const TABS: { href: string; label: string; staffOnly?: boolean; managerOnly?: boolean }[] = [
  { href: '/network', label: 'Matches' },
  { href: '/network/market', label: 'Marketplace' },
  { href: '/network/introductions', label: 'Introductions' },
  { href: '/network/referrals', label: 'Referrals' },
  { href: '/network/trade', label: 'Trade' },
  { href: '/network/hours', label: 'Hours' },
  { href: '/network/gaps', label: 'Gaps' },
  { href: '/network/balances', label: 'Balances', staffOnly: true },
  { href: '/network/tags', label: 'Tags', managerOnly: true },
];

function Tab({ href, label }: { href: string; label: string }) {
  const [active] = useRoute(href);
  return (
    <Link href={href} className={active ? 'subnav-tab active' : 'subnav-tab'} aria-current={active ? 'page' : undefined}>
      {label}
    </Link>
  );
}

/** The network's screens, one tab each (the manager's tags and the desk's balances only for them). */
export function NetworkTabs() {
  const { staff, manager } = useViewer();
  return (
    <nav className="subnav" aria-label="Business network">
      {TABS.filter((t) => (!t.staffOnly || staff) && (!t.managerOnly || manager)).map((t) => (
        <Tab key={t.href} href={t.href} label={t.label} />
      ))}
    </nav>
  );
}

/** A network screen's frame: its title and what it is for, the tabs, then the screen. */
export function NetworkPage({ title, subtitle, children }: { title: string; subtitle: string; children: React.ReactNode }) {
  return (
    <section className="page network" aria-labelledby="network-title">
      <header className="page-header">
        <div>
          <h1 id="network-title">{title}</h1>
          <p className="subtitle">{subtitle}</p>
        </div>
      </header>
      <NetworkTabs />
      {children}
    </section>
  );
}
