import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
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
export const prefetchRead = <C extends Channel>(client: QueryClient, channel: C, input: InputOf<C>) =>
  void client.prefetchQuery({ queryKey: [channel, input], queryFn: () => call(channel, input), staleTime: 30_000 });

export function usePrefetch() {
  const client = useQueryClient();
  return useCallback(<C extends Channel>(channel: C, input: InputOf<C>) => prefetchRead(client, channel, input), [client]);
}

/**
 * Once a screen has its data, what the person will likely open next (the day or week either
 * side) is fetched while the browser is idle: ‹ and › then paint at once.
 */
export function usePrefetchAround<C extends Channel>(channel: C, ready: boolean, inputs: InputOf<C>[]) {
  const prefetch = usePrefetch();
  const key = JSON.stringify(inputs);
  useEffect(() => {
    if (!ready) return;
    return whenIdle(() => {
      for (const input of JSON.parse(key) as InputOf<C>[]) prefetch(channel, input);
    }, 200);
  }, [channel, ready, key, prefetch]);
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
