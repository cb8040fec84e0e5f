import type { ReactNode } from 'react';
import type { ProposalState } from '@shared/contract/governance.contract';
import { SubnavPage } from '../../components/SubnavPage';

const TABS = [
  { href: '/governance', label: 'Proposals' },
  { href: '/governance/register', label: 'Decision register' },
  { href: '/governance/rules', label: 'Rules' },
  { href: '/governance/proxies', label: 'Proxies' },
];

/** A governance screen's frame: title, what it is for, the four tabs. */
export function GovernancePage({ title, subtitle, children }: { title: string; subtitle: string; children: ReactNode }) {
  return (
    <SubnavPage label="Governance" tabs={TABS} title={title} subtitle={subtitle} className="governance">
      {children}
    </SubnavPage>
  );
}

export const STATE_WORDS: Record<ProposalState, string> = {
  discussion: 'in discussion',
  voting: 'voting open',
  closed: 'closed',
  withdrawn: 'withdrawn',
};

/** "P-12": a proposal's number in the register. */
export const numbered = (p: { number: number }) => `P-${p.number}`;
