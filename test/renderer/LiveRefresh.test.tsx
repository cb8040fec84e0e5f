// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useApi, useLiveRefresh } from '../../renderer/src/api/hooks';

/** Two screens' reads: the visitors of a day (the front desk's part) and the member list. */
function Screen() {
  useLiveRefresh([]);
  const visitors = useApi('visitors.day', { date: '2026-11-24' });
  const members = useApi('members.list', {});
  return (
    <p>
      visitors read {String(visitors.dataUpdatedAt > 0)} · members {members.data ? 'in' : '…'}
    </p>
  );
}

describe('live refresh follows the contract part that owns a channel', () => {
  it('frontdesk.changed refreshes visitors.* (the front desk’s), and not members.*', async () => {
    let push: (event: string) => void = () => undefined;
    const invoke = vi.fn(async (channel: string) => ({ ok: true, data: channel === 'members.list' ? { rows: [], total: 0 } : [] }));
    window.coopdesk = { invoke, on: (listener: (event: string) => void) => ((push = listener), () => undefined) };
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <Screen />
      </QueryClientProvider>,
    );
    await screen.findByText(/members in/);
    const calls = (channel: string) => invoke.mock.calls.filter((c) => c[0] === channel).length;
    expect([calls('visitors.day'), calls('members.list')]).toEqual([1, 1]);
    act(() => push('frontdesk.changed'));
    await waitFor(() => expect(calls('visitors.day')).toBe(2));
    expect(calls('members.list')).toBe(1);
    // back after a gap in the stream: everything is read again
    act(() => push('*'));
    await waitFor(() => expect(calls('members.list')).toBe(2));
  });
});
