import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { ApiCallError } from '../api/client';

export interface ActionMessage {
  text: string;
  error?: boolean;
}

/** Runs a one-click action (check in, mark paid…), says how it went, and refreshes the screen. */
export function useAction() {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const act = useCallback(
    async (work: () => Promise<unknown>, done: string) => {
      try {
        await work();
        setMessage({ text: done });
      } catch (e) {
        setMessage({ text: e instanceof ApiCallError ? e.message : String(e), error: true });
      }
      await queryClient.invalidateQueries();
    },
    [queryClient],
  );
  return { message, act };
}

/** The `act` function of `useAction`, for parts of a screen that share their parent's. */
export type Act = ReturnType<typeof useAction>['act'];
