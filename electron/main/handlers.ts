import type { Channel, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { Actor, Ctx, Session } from './context';

export type Handler<C extends Channel> = (input: ParsedInputOf<C>, ctx: Ctx, actor: Actor, session: Session) => Promise<OutputOf<C>>;

/** The handlers a feature implements, typed from the contract. */
export type Handlers<C extends Channel> = { [K in C]: Handler<K> };
