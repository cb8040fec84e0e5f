import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PUSH_BATCH_MS, PUSH_HOLD_MS, PUSH_IDLE_MS, pushBatcher } from '../../electron/main/pushBatch';

describe('push batches', () => {
  const sent: string[] = [];
  // the fake clock (Date is faked with the timers)
  const make = () =>
    pushBatcher(
      (batch) => sent.push(batch),
      () => Date.now(),
    );
  const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

  beforeEach(() => {
    vi.useFakeTimers();
    sent.length = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('sends events made within a short time together, each distinct one once', async () => {
    const pushes = make();
    pushes.add('"bookings.changed"');
    pushes.add('"bookings.changed"');
    pushes.add('"members.changed"');
    await advance(PUSH_BATCH_MS - 1);
    expect(sent).toEqual([]);
    await advance(1);
    expect(sent).toEqual(['data: "bookings.changed"\n\ndata: "members.changed"\n\n']);
  });

  it('holds a batch while requests are answered, and sends it once the host has been idle a moment', async () => {
    const pushes = make();
    let answer!: () => void;
    const request = pushes.busy(() => new Promise<void>((done) => (answer = done)));
    pushes.add('"bookings.changed"');
    await advance(PUSH_BATCH_MS * 3);
    expect(sent).toEqual([]);
    answer();
    await request;
    await advance(PUSH_IDLE_MS - 1);
    expect(sent).toEqual([]);
    // the next booking of a burst arrives within the moment: the batch waits for it too
    let second!: () => void;
    const next = pushes.busy(() => new Promise<void>((done) => (second = done)));
    await advance(PUSH_IDLE_MS * 2);
    expect(sent).toEqual([]);
    second();
    await next;
    await advance(PUSH_IDLE_MS);
    expect(sent).toEqual(['data: "bookings.changed"\n\n']);
  });

  it('never holds a batch longer than the limit, however busy the host is', async () => {
    const pushes = make();
    void pushes.busy(() => new Promise<void>(() => undefined));
    pushes.add('"bookings.changed"');
    await advance(PUSH_HOLD_MS - 1);
    expect(sent).toEqual([]);
    await advance(1);
    expect(sent).toHaveLength(1);
  });

  it('sends nothing once stopped', async () => {
    const pushes = make();
    pushes.add('"bookings.changed"');
    pushes.stop();
    await advance(PUSH_HOLD_MS * 2);
    expect(sent).toEqual([]);
  });
});
