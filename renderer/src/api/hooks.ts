import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Channel, InputOf, OutputOf } from '@shared/contract';
import { whenIdle } from '../components/whenIdle';
import { type ApiCallError, REFRESH_ALL, call, onPush } from './client';

/** Reads a channel; the query key is the channel and its input, so events can invalidate by domain. */
export function useApi<C extends Channel>(channel: C, input: InputOf<C>, options: { enabled?: boolean } = {}) {
  return useQuery<OutputOf<C>, ApiCallError>({
    queryKey: [channel, input],
    queryFn: () => call(channel, input),
    placeholderData: (previous) => previous,
    ...options,
  });
}

/** Fetches a read into the cache ahead of need (the key is the one useApi uses), unless fresh or already in flight. */
const fetchAhead = <C extends Channel>(client: QueryClient, channel: C, input: InputOf<C>) =>
  client.prefetchQuery({ queryKey: [channel, input], queryFn: () => call(channel, input), staleTime: 30_000 });

export const prefetchRead = <C extends Channel>(client: QueryClient, channel: C, input: InputOf<C>) => void fetchAhead(client, channel, input);

/**
 * Once a screen has its own data, what the person will likely open next (the day or week either
 * side) is fetched while the browser is idle, one read at a time: ‹ and › then paint at once.
 * Not while the previous answer stands in (a placeholder), and what is not yet asked for is
 * dropped when the screen moves on: the host answers one read after another, so a read ahead
 * already sent makes the screen's next read wait behind it (a week of 300 bookables, 20 ms).
 */
export function usePrefetchAround<C extends Channel>(channel: C, shown: { data?: unknown; isPlaceholderData: boolean }, inputs: InputOf<C>[]) {
  const client = useQueryClient();
  const key = JSON.stringify(inputs);
  const ready = shown.data !== undefined && !shown.isPlaceholderData;
  useEffect(() => {
    if (!ready) return;
    let stopped = false;
    let cancel = () => {};
    const next = (rest: InputOf<C>[]) => {
      if (stopped || rest.length === 0) return;
      cancel = whenIdle(() => void fetchAhead(client, channel, rest[0]).then(() => next(rest.slice(1))), 200);
    };
    next(JSON.parse(key) as InputOf<C>[]);
    return () => {
      stopped = true;
      cancel();
    };
  }, [channel, ready, key, client]);
}

export function useApiMutation<C extends Channel>(channel: C) {
  return useMutation<OutputOf<C>, ApiCallError, InputOf<C>>({ mutationFn: (input) => call(channel, input) });
}

/**
 * An event refreshes every open query whose channel belongs to the contract part that pushes it
 * ("frontdesk.changed" refreshes visitors.* and dayPasses.* too: they are the front desk's);
 * queries starting with one of `followEveryChange` (screens that read across domains, such as
 * Today) refresh on every event.
 */
/** Which part owns each channel: the whole contract (its schemas too), so it is loaded when the first event comes, not with the first screen. */
let partsOfChannels: Promise<Readonly<Record<string, { events: readonly string[] }>>> | null = null;
const partOf = () => (partsOfChannels ??= import('@shared/contract').then((m) => m.PART_OF_CHANNEL));

export function useLiveRefresh(followEveryChange: readonly string[]): void {
  const client = useQueryClient();
  useEffect(
    () =>
      onPush((event) => {
        if (event === REFRESH_ALL) return void client.invalidateQueries();
        void partOf().then((parts) =>
          client.invalidateQueries({
            predicate: (q) => {
              const key = String(q.queryKey[0]);
              return parts[key]?.events.includes(event) || followEveryChange.some((prefix) => key.startsWith(prefix));
            },
          }),
        );
      }),
    [client, followEveryChange],
  );
}
