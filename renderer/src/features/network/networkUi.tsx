import type { MemberRef } from '@shared/contract/network.contract';
import { formatMoney } from '@shared/domain/money';
import { SubnavPage } from '../../components/SubnavPage';
import { useViewer } from '../auth';

export { useViewer };

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

/** A network screen's frame: its title and what it is for, the tabs (the manager's tags and the desk's balances only for them), then the screen. */
export function NetworkPage({ title, subtitle, children }: { title: string; subtitle: string; children: React.ReactNode }) {
  const { staff, manager } = useViewer();
  const tabs = TABS.filter((t) => (!t.staffOnly || staff) && (!t.managerOnly || manager));
  return (
    <SubnavPage label="Business network" tabs={tabs} title={title} subtitle={subtitle} className="network">
      {children}
    </SubnavPage>
  );
}
