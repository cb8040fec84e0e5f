// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { call } from '../../renderer/src/api/client';
import { screenAt, startFirstScreen } from '../../renderer/src/firstScreen';

describe('the first screen’s reads leave with the page’s first script', () => {
  it('finds the screen and its reads from the address, specific paths first', () => {
    const week = screenAt('/bookings/week/2026-12-03')!;
    expect(week.screen.path).toBe('/bookings/week/:date');
    expect(week.screen.reads!(week.params, new URLSearchParams('?kind=all'))).toEqual([
      ['bookings.calendar', { date: '2026-12-03', span: 'week', kind: undefined }],
    ]);
    expect(screenAt('/bookings/find')!.screen.reads).toBeUndefined();
    expect(screenAt('/members/new')!.screen.path).toBe('/members/new');
    // a day board at an address that is not a date reads nothing
    const board = screenAt('/bookings/2026-12-3')!;
    expect(board.screen.reads!(board.params, new URLSearchParams())).toEqual([]);
    expect(screenAt('/governance')).toBeNull();
  });

  it('answers the app’s first ask from the read already made, once; the next ask reads again', async () => {
    const invoke = vi.fn(async (channel: string) => ({ ok: true, data: { channel, n: invoke.mock.calls.length } }));
    window.coopdesk = { invoke, on: () => () => undefined };
    window.location.hash = '#/bookings/2026-12-03';
    startFirstScreen(async () => undefined);
    const asked = invoke.mock.calls.map((c) => c[0]);
    expect(asked).toEqual(['auth.status', 'system.status', 'bookings.dayBoard', 'settings.get', 'bookings.pending', 'bookings.deskSeatsFree']);
    // the app asks with its own input object: the same read whatever the order of its fields
    await call('bookings.dayBoard', { date: '2026-12-03' });
    expect(invoke.mock.calls.filter((c) => c[0] === 'bookings.dayBoard')).toHaveLength(1);
    await call('bookings.dayBoard', { date: '2026-12-03' });
    expect(invoke.mock.calls.filter((c) => c[0] === 'bookings.dayBoard')).toHaveLength(2);
  });

  it('sets up the browser’s date formatting while the page waits, not in the screen’s first render', () => {
    vi.useFakeTimers();
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    try {
      window.coopdesk = { invoke: async () => ({ ok: true, data: null }), on: () => () => undefined };
      window.location.hash = '#/bookings/2026-12-04';
      startFirstScreen(async () => undefined);
      // without a worker (as in the desktop app's window, a file), in a task after the first script's: its requests leave first
      expect(made).not.toHaveBeenCalled();
      vi.runOnlyPendingTimers();
      expect(made).toHaveBeenCalledTimes(1);
    } finally {
      made.mockRestore();
      vi.useRealTimers();
    }
  });
});
