import { type ComponentType, type ReactNode, Suspense, createContext, createElement, useContext } from 'react';
import { useAfterPaint } from './components/useAfterPaint';
import { whenIdle } from './components/whenIdle';
import type { Screen } from './screen';

/** A screen at a path; wouter's params are passed to `render`. */
export interface RouteDef {
  path: string;
  render: (params: Record<string, string | undefined>) => ReactNode;
  /** The screen's code, loaded before it is drawn (a `lazyPage`). */
  page?: { preload(): Promise<unknown> };
  /** The screen's first reads, started with its code instead of after it: no waterfall on opening (its `Screen`'s). */
  reads?: Screen['reads'];
}

const pageLoaders: (() => Promise<unknown>)[] = [];

/**
 * A screen (or a part) whose code is its own chunk, so the first chunk holds only the shell:
 * loaded when first shown, or ahead by `preload`. Once loaded it draws at once; before, it
 * suspends until its chunk arrives. (React.lazy would suspend once even when the code is already
 * here, and React holds a revealed fallback for up to 300 ms.)
 * `lazyPage(() => import('./MembersPage'), 'MembersPage')`.
 */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] & Lazy<M> {
  let loaded: ComponentType<object> | null = null;
  let loading: Promise<M> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (m) => {
        loaded = m[name] as ComponentType<object>;
        return m;
      },
      (error: unknown) => {
        loading = null; // the next attempt asks again
        throw error;
      },
    ));
  pageLoaders.push(preload);
  function Page(props: object) {
    if (!loaded) throw preload(); // Suspense's protocol: the nearest boundary waits for it
    return createElement(loaded, props);
  }
  Page.displayName = String(name);
  return Object.assign(Page, { preload, isLoaded: () => loaded !== null }) as unknown as M[K] & Lazy<M>;
}

interface Lazy<M> {
  preload(): Promise<M>;
  isLoaded(): boolean;
}
const isLazy = (part: unknown): part is Lazy<unknown> => typeof (part as Partial<Lazy<unknown>>).isLoaded === 'function';

/**
 * Every screen's code, fetched when the browser is idle after the first screen is drawn, a few
 * screens per idle moment: started all at once, the imports' own bookkeeping (a preload link put
 * in the page for each file they need) held the main thread for 50–65 ms right after the first
 * paint. A screen that fails to load here is loaded (and its failure shown) when opened.
 */
export function preloadAllPages(): void {
  let next = 0;
  const some = (deadline?: IdleDeadline) => {
    // at most 8 ms of an idle moment (one can last 50): a click then waits for none of it
    const until = performance.now() + Math.min(8, deadline?.timeRemaining() ?? 0);
    do pageLoaders[next++]().catch(() => undefined);
    while (next < pageLoaders.length && performance.now() < until);
    if (next < pageLoaders.length) whenIdle(some, 50);
  };
  if (pageLoaders.length > 0) whenIdle(some, 50);
}

export interface NavEntry {
  href: string;
  label: string;
  /** wouter pattern that marks the entry as the current page. */
  match: string;
  /** Left out of the front desk's menu (the main process refuses its channels to them anyway). */
  managerOnly?: boolean;
}

/** A Ctrl+K entry: a fixed action, or results a feature finds for what was typed. */
export interface PaletteEntry {
  id: string;
  /** The heading it is listed under; a feature names its own (Action is everyone's). */
  group: string;
  label: string;
  hint?: string;
  go: string;
}

/**
 * Places where one feature's screen shows another feature's part, by name rather than by import:
 * a member's page, Today, the kiosk's home for an identified member, Settings.
 */
export interface Slots {
  memberPage: ComponentType<{ memberId: string; name: string }>;
  today: ComponentType;
  kioskHome: ComponentType<{ member: { id: string; name: string } }>;
  /** The member portal's first screen, under "check in" (their bookings, invitations waiting). */
  portalHome: ComponentType<{ member: { id: string; name: string } }>;
  /** Small parts of the shell beside the co-op's name, at the desk and in the kiosk (the bell). */
  shell: ComponentType;
  /** A section of Settings, listed in its table of contents by `title`. */
  settings: { id: string; title: string; Part: ComponentType };
  /** A part of the member's own profile in the portal (their password and PIN, their calendar link). */
  profile: ComponentType;
}

/** How a feature describes itself to the renderer, once. */
export interface UiFeature {
  name: string;
  /** Front-desk screens (specific paths before general ones within a feature). */
  routes?: RouteDef[];
  nav?: NavEntry;
  palette?: { actions?: PaletteEntry[]; useResults?: (text: string) => PaletteEntry[] };
  /** Screens for a member identified at the kiosk. */
  kiosk?: { routes?: RouteDef[]; nav?: NavEntry };
  /** Screens of the member portal (members' own phones and laptops); `nav` is a tab at the bottom, in the list's order. */
  portal?: { routes?: RouteDef[]; nav?: NavEntry };
  slots?: { [S in keyof Slots]?: Slots[S][] };
  /** Query prefixes (other than the feature's own) that read across domains and follow every change. */
  followsEveryChange?: string[];
}

const FeaturesContext = createContext<readonly UiFeature[]>([]);
export const FeaturesProvider = FeaturesContext.Provider;
export const useFeatures = () => useContext(FeaturesContext);

/**
 * Every feature's part for one place, in the features list's order. Each component part is its
 * own Suspense boundary: a card whose code is still on its way never holds up the screen it sits
 * on (Today is drawn with its rooms, and the events card joins it when it arrives). That code is
 * asked for once the screen has painted: asking (a request and a preload link per file) took
 * 8 ms of Today's first render on a cold open. A card whose code is here is drawn at once.
 */
export function useSlot<S extends keyof Slots>(slot: S): Slots[S][] {
  return useFeatures().flatMap(
    (f) => (f.slots?.[slot] ?? []).map((part) => (typeof part === 'function' ? ownBoundary(part as ComponentType<object>) : part)) as Slots[S][],
  );
}

const bounded = new WeakMap<ComponentType<never>, ComponentType<never>>();
/** The part inside its own boundary: the same component each time, so React keeps its state. */
function ownBoundary<P extends object>(Part: ComponentType<P>): ComponentType<P> {
  let inBoundary = bounded.get(Part as ComponentType<never>) as ComponentType<P> | undefined;
  if (!inBoundary) {
    inBoundary = function InBoundary(props: P) {
      const waiting = isLazy(Part) && !Part.isLoaded();
      const painted = useAfterPaint(waiting);
      return waiting && !painted ? null : createElement(Suspense, { fallback: null }, createElement(Part, props));
    };
    bounded.set(Part as ComponentType<never>, inBoundary as ComponentType<never>);
  }
  return inBoundary;
}
