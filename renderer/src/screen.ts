import type { Channel, InputOf } from '@shared/contract';

/** One read a screen makes on opening: the channel and its input, exactly as its `useApi` asks. */
export type Read = { [C in Channel]: readonly [C, InputOf<C>] }[Channel];
export const read = <C extends Channel>(channel: C, input: InputOf<C>): Read => [channel, input] as unknown as Read;

export type ScreenParams = Record<string, string | undefined>;

/**
 * A screen's address, its code and the reads it makes on opening, without React: the page's
 * first small script starts them all at once, before the app's own code has arrived (see
 * `firstScreen.ts`), and the app starts them again on every navigation. A feature's routes take
 * their path and code from here, so each is written once.
 */
export interface Screen {
  path: string;
  load: () => Promise<unknown>;
  reads?: (params: ScreenParams, search: URLSearchParams) => Read[];
}

/**
 * A route's date parameter, as the screens write it. Only its shape: the contract refuses a day
 * that does not exist. (Not `shared/domain/dates`: it would bring date-fns into the first script.)
 */
export const isIsoDate = (value: string | undefined): value is string => value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value);
