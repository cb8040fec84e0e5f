import type { Channel, ContractPart, OutputOf, ParsedInputOf } from '@shared/contract';
import type { RecordLabel } from '@shared/contract/audit.contract';
import type { Actor, Ctx, Session } from './context';
import type { DB } from './db/schema';

export type Handler<C extends Channel> = (input: ParsedInputOf<C>, ctx: Ctx, actor: Actor, session: Session) => Promise<OutputOf<C>>;

/** The handlers a feature implements, typed from the contract. */
export type Handlers<C extends Channel> = { [K in C]: Handler<K> };

/** Every channel of a feature's contract part, each with its handler: a missing one does not compile. */
export type FeatureHandlers<P extends ContractPart> = Handlers<Extract<keyof P['channels'], Channel>>;

/** What a scheduled job reports: how many records it changed (0 writes nothing to the audit log). */
export interface JobResult {
  changed: number;
  /** Shown in the audit log's details. */
  details?: Record<string, unknown>;
}

export interface Job {
  /** `domain.verb`, as it appears in the audit log. */
  name: string;
  /** Its words in the audit log, after "System": "released no-shows". */
  audit: string;
  everyMs: number;
  /** The first run after start (default: one period). */
  firstAfterMs?: number;
  /** A backup job: the app's `backups: false` (tests, benchmarks) leaves it out. */
  backup?: boolean;
  /** Housekeeping nobody needs to read about (forgetting answers kept for retries): not in the audit log. */
  quiet?: true;
  run(ctx: Ctx): Promise<JobResult>;
}

/**
 * How a feature describes itself to the main process, once: its contract part and handlers,
 * the tables it owns (in an order where references come first: export and import follow it)
 * and its scheduled jobs. Kernels with no channels (presence, sites) have no contract.
 */
export interface FeatureModule {
  name: string;
  /** A kernel other features build on (sites, settings, members, presence, storage, audit): it imports no feature that is not a kernel. */
  kernel?: true;
  contract?: ContractPart;
  handlers?: Partial<Handlers<Channel>>;
  /** Its tables, declared in `<f>.tables.ts` and joined into `DB`: a name the database type does not have does not compile. */
  tables?: readonly (keyof DB)[];
  /** Tables kept on this machine only: in backups, never in an export (secrets, sign-in counters). */
  localTables?: readonly (keyof DB)[];
  jobs?: readonly Job[];
  /** What it writes to the audit log that is neither a command nor a job (a dead calendar link used), with its words. */
  auditEvents?: readonly { name: string; audit: string }[];
  /** Start-up work, in the features list's order, before the API answers (the co-op's defaults). */
  onStart?: (ctx: Ctx) => Promise<void>;
  /** Its part of the demo co-op (`<f>.seed.ts`), run in the features list's order into an empty register. */
  seed?: (ctx: Ctx) => Promise<void>;
  /** Names for the feature's records among `ids` (the audit log shows them, with a link). */
  records?: (ctx: Ctx, ids: readonly string[]) => Promise<RecordLabel[]>;
}

export function defineFeature<P extends ContractPart>(
  feature: Omit<FeatureModule, 'contract' | 'handlers'> & { contract: P; handlers: FeatureHandlers<P> },
): FeatureModule;
export function defineFeature(feature: Omit<FeatureModule, 'contract' | 'handlers'>): FeatureModule;
export function defineFeature(feature: FeatureModule): FeatureModule {
  return feature;
}
