/** Push events within this long of each other go out together. */
export const PUSH_BATCH_MS = 10;
/** A batch goes out once no request has been answered for this long (requests of a burst arrive a few ms apart)… */
export const PUSH_IDLE_MS = 5;
/** …but never later than this after its first event, however busy the host is. */
export const PUSH_HOLD_MS = 100;

export interface PushBatcher {
  /** An event (already serialised) to tell every open page; each distinct one goes out once per batch. */
  add(event: string): void;
  /** Runs a request's work, counted as busy: a batch waits until the host has been idle a moment. */
  busy<T>(work: () => Promise<T>): Promise<T>;
  stop(): void;
}

/**
 * Push events go out in small batches, each distinct event once: twenty bookings made in the
 * same moment are one "bookings changed" to each of 300 phones, not twenty (each write to a TLS
 * stream costs the host's one thread, 300 of them about 10 ms). A batch waits until the host has
 * answered every request and stayed idle PUSH_IDLE_MS (at most PUSH_HOLD_MS): a burst of bookings
 * is answered first and told once, instead of the bookings still to come waiting behind 300
 * writes. Screens only need to know what to read again.
 */
export function pushBatcher(send: (batch: string) => void, now: () => number = () => performance.now()): PushBatcher {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running = 0;
  let windowEnds = 0;
  let holdEnds = 0;
  let idleSince = 0;

  const later = (at: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(check, Math.max(0, at - now()));
  };
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending.size === 0) return;
    const batch = [...pending].map((event) => `data: ${event}\n\n`).join('');
    pending.clear();
    send(batch);
  };
  /** Sends the batch if it is due, else comes back when it will be. */
  function check() {
    if (pending.size === 0) return;
    const due = running > 0 ? holdEnds : Math.min(holdEnds, Math.max(windowEnds, idleSince + PUSH_IDLE_MS));
    if (now() >= due) flush();
    else later(due);
  }

  return {
    add(event) {
      if (pending.size === 0) {
        windowEnds = now() + PUSH_BATCH_MS;
        holdEnds = now() + PUSH_HOLD_MS;
        later(windowEnds);
      }
      pending.add(event);
    },
    async busy(work) {
      running += 1;
      try {
        return await work();
      } finally {
        running -= 1;
        if (running === 0) {
          idleSince = now();
          check();
        }
      }
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending.clear();
    },
  };
}
