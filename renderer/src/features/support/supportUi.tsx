import type { ReactNode } from 'react';
import { SubnavPage } from '../../components/SubnavPage';

const TABS = [
  { href: '/support', label: 'Help board' },
  { href: '/support/mentoring', label: 'Mentoring' },
  { href: '/support/commitments', label: 'Commitments' },
];

/** A mutual-support screen's frame: title, what it is for, the three tabs. */
export function SupportPage({ title, subtitle, children }: { title: string; subtitle: string; children: ReactNode }) {
  return (
    <SubnavPage label="Mutual support" tabs={TABS} title={title} subtitle={subtitle} className="support">
      {children}
    </SubnavPage>
  );
}

/** Minutes since an instant, at the time of rendering. */
export const minutesSince = (iso: string) => (Date.now() - Date.parse(iso)) / 60_000;

/** "Omar Haddad, Kasia Nowak and 3 more": who among those in could help. */
export const couldHelpNames = (r: { couldHelp: { name: string }[]; couldHelpCount: number }) =>
  r.couldHelp.map((m) => m.name).join(', ') + (r.couldHelpCount > r.couldHelp.length ? ` and ${r.couldHelpCount - r.couldHelp.length} more` : '');
