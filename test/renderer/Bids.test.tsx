// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { Bid } from '@shared/contract/bids.contract';
import { BidForm } from '../../renderer/src/features/bids/BidForm';
import { BidTeam } from '../../renderer/src/features/bids/BidTeam';
import { installBridge } from '../helpers/bridge';

function renderIn(node: ReactNode, path = '/bids/new') {
  const location = memoryLocation({ path, record: true });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <Router hook={location.hook}>{node}</Router>
    </QueryClientProvider>,
  );
  return location;
}

const ok = (data: unknown) => () => ({ ok: true as const, data });
const settings = ok({ coop: { name: 'Millbrook', currency: 'GBP', timeZone: 'Europe/London', ownershipMonths: 14 }, site: {} });

describe('opportunity form', () => {
  it('shows what is wrong next to each field and sends nothing', async () => {
    const invoke = installBridge({ 'settings.get': settings, 'members.tags': ok([]) });
    renderIn(<BidForm />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Estimated value'), '-5');
    await user.type(screen.getByLabelText('Delivery starts'), '1/3/2027');
    await user.type(screen.getByLabelText('Delivery ends'), '1 Feb 2027');
    await user.click(screen.getByRole('button', { name: 'Create opportunity' }));
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('Title is required');
    expect(screen.getByLabelText('Estimated value')).toHaveAccessibleDescription('The estimated value cannot be negative');
    expect(screen.getByLabelText('Delivery ends')).toHaveAccessibleDescription('Delivery ends before it starts');
    expect(invoke.mock.calls.map((c) => c[0])).not.toContain('bids.create');
  });

  it('sends the deadline as an instant in the co-op’s zone and shows a refusal next to the field', async () => {
    const invoke = installBridge({
      'settings.get': settings,
      'members.tags': ok([]),
      'bids.create': () => ({
        ok: false,
        error: { code: 'RULE', message: 'The bid deadline has already passed.', fields: { deadline: 'This deadline has passed' } },
      }),
    });
    renderIn(<BidForm />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Title'), 'Town hall website');
    await user.type(screen.getByLabelText('Bid deadline'), '1/7/2026');
    await user.type(screen.getByLabelText('Skill 1'), 'Copywriting');
    await user.type(screen.getByLabelText('Days of work for skill 1'), '4');
    await user.click(screen.getByRole('button', { name: 'Create opportunity' }));
    const sent = invoke.mock.calls.find((c) => c[0] === 'bids.create')![1] as Record<string, unknown>;
    // 12:00 in London in summer is 11:00 UTC
    expect(sent).toMatchObject({
      title: 'Town hall website',
      deadline: '2026-07-01T11:00:00.000Z',
      currency: 'GBP',
      skills: [{ tag: 'Copywriting', days: 4 }],
    });
    expect(await screen.findByLabelText('Bid deadline')).toHaveAccessibleDescription('This deadline has passed');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['This deadline has passed', 'The bid deadline has already passed.']);
  });
});

const member = (memberId: string, name: string, status: 'accepted' | 'invited', share: number) => ({
  memberId,
  name,
  number: 1,
  status,
  role: '',
  workShare: share,
  revenueShare: share,
  isLead: memberId === 'a',
});
const bid = {
  id: 'b1',
  leadMemberId: 'a',
  goDecided: true,
  members: [member('a', 'Ana Ribeiro', 'accepted', 60), member('b', 'Ben Okafor', 'accepted', 30), member('c', 'Chiara Novak', 'invited', 0)],
} as unknown as Bid;

describe('team shares', () => {
  it('totals the accepted team as you type and says what is missing, with the server’s own rule', async () => {
    const invoke = installBridge({ 'auth.status': ok({ mode: 'manager', managerPasswordSet: false, member: null }), 'bids.setTeam': ok(bid) });
    renderIn(<BidTeam bid={bid} editable act={async (work) => void (await work())} />, '/bids/b1');
    const user = userEvent.setup();
    const missing = screen.getByRole('list', { name: 'What is missing' });
    expect(
      within(missing)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Waiting for Chiara Novak to accept or decline.',
      'Work shares total 90 %: 10 % is not given to anyone.',
      'Revenue shares total 90 %: 10 % is not given to anyone.',
    ]);
    await user.clear(screen.getByLabelText('Work share of Ben Okafor'));
    await user.type(screen.getByLabelText('Work share of Ben Okafor'), '40.5');
    expect(within(missing).getByText('Work shares total 100.5 %: 0.5 % too much.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save roles and shares' }));
    expect(invoke.mock.calls.find((c) => c[0] === 'bids.setTeam')![1]).toEqual({
      id: 'b1',
      leadMemberId: 'a',
      members: [
        { memberId: 'a', role: '', workShare: 60, revenueShare: 60 },
        { memberId: 'b', role: '', workShare: 40.5, revenueShare: 30 },
        { memberId: 'c', role: '', workShare: 0, revenueShare: 0 },
      ],
    });
  });
});
