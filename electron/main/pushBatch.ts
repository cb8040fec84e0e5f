/** Push events within this long of each other go out together. */
export const PUSH_BATCH_MS = 10;
/** While requests are being answered, a batch waits for the last of them, but never longer than this after its first event. */
export const PUSH_HOLD_MS = 100;

export interface PushBatcher {
  /** An event (already serialised) to tell every open page; each distinct one goes out once per batch. */
  add(event: string): void;
  /** Runs a request's work, counted as busy: a batch due meanwhile waits until no request is left. */
  busy<T>(work: () => Promise<T>): Promise<T>;
  stop(): void;
}

/**
 * Push events go out in small batches, each distinct event once: twenty bookings made in the
 * same moment are one "bookings changed" to each of 300 phones, not twenty (each write to a TLS
 * stream costs the host's one thread). A batch due while the host is answering requests waits
 * for the last answer (at most PUSH_HOLD_MS): a burst of bookings is answered first and told
 * once, instead of each answer waiting behind 300 writes. Screens only need to know what to read again.
 */
export function pushBatcher(send: (batch: string) => void, now: () => number = () => performance.now()): PushBatcher {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running = 0;
  let holdEnds = 0;
  let due = false;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    due = false;
    if (pending.size === 0) return;
    const batch = [...pending].map((event) => `data: ${event}\n\n`).join('');
    pending.clear();
    send(batch);
  };
  const windowEnded = () => {
    timer = null;
    if (running > 0 && now() < holdEnds) {
      due = true;
      timer = setTimeout(flush, holdEnds - now());
      return;
    }
    flush();
  };

  return {
    add(event) {
      if (pending.size === 0) holdEnds = now() + PUSH_HOLD_MS;
      pending.add(event);
      timer ??= setTimeout(windowEnded, PUSH_BATCH_MS);
    },
    async busy(work) {
      running += 1;
      try {
        return await work();
      } finally {
        running -= 1;
        if (running === 0 && due) flush();
      }
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending.clear();
    },
  };
}
