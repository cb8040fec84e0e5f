import type { ReactNode } from 'react';
import { formatMoney } from '@shared/domain/money';
import { SubnavPage } from '../../components/SubnavPage';

const TABS = [
  { href: '/money', label: 'Plans' },
  { href: '/money/costs', label: 'Costs at cost' },
  { href: '/money/statements', label: 'Statements' },
  { href: '/money/owing', label: 'Who owes' },
];

/** A money screen's frame at the desk: title, what it is for, the tabs. */
export function MoneyPage({ title, subtitle, children }: { title: string; subtitle: string; children: ReactNode }) {
  return (
    <SubnavPage label="Plans and costs" tabs={TABS} title={title} subtitle={subtitle} className="money">
      {children}
    </SubnavPage>
  );
}

/** An amount in the co-op's currency; free for zero where a price is meant. */
export const money = (minor: number, currency: string) => formatMoney(minor, currency);

/** What a plan includes a month, in words: "8 desk days, 4 room hours". */
export const includes = (p: { deskDays: number; roomHours: number; resourceHours: number }) =>
  [p.deskDays ? `${p.deskDays} desk days` : '', p.roomHours ? `${p.roomHours} room hours` : '', p.resourceHours ? `${p.resourceHours} equipment hours` : '']
    .filter(Boolean)
    .join(', ') || 'no credits';
