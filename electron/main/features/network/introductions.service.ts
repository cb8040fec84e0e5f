import type { Introduction } from '@shared/contract/network.contract';
import type { IntroOutcome } from '@shared/domain/network';
import { newId } from '@shared/domain/ids';
import { type Actor, type Ctx, isStaff, withDb } from '../../context';
import { commit } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import { currentMember, memberRefs } from '../members';
import { notify } from '../notifications';
import type { IntroductionsTable } from './network.tables';
import { audienceOf, whoseRecords } from './network.policy';
import * as ledger from './ledger.repository';

async function toIntroductions(ctx: Ctx, rows: IntroductionsTable[]): Promise<Introduction[]> {
  const names = await memberRefs(
    ctx.db,
    rows.flatMap((r) => [r.needer_id, r.supplier_id]),
  );
  return rows.map((r) => ({
    id: r.id,
    tag: r.tag,
    needer: names.get(r.needer_id)!,
    supplier: names.get(r.supplier_id)!,
    at: new Date(r.created_at).toISOString(),
    neederOutcome: r.needer_outcome,
    supplierOutcome: r.supplier_outcome,
  }));
}

/**
 * Introduces a member who needs something to one who offers it, tells both, and records it.
 * A member may introduce themselves or two members they can see in the directory; the desk anyone.
 */
export async function introduce(ctx: Ctx, actor: Actor, input: { neederId: string; supplierId: string; tag: string }): Promise<Introduction> {
  return commit(ctx, 'network.changed', async (trx) => {
    const needer = await currentMember(trx, input.neederId, 'neederId');
    const supplier = await currentMember(trx, input.supplierId, 'supplierId');
    const audience = audienceOf(actor);
    for (const [m, field] of [
      [needer, 'neederId'],
      [supplier, 'supplierId'],
    ] as const) {
      if (audience.memberId !== null && m.id !== audience.memberId && m.listed !== 1)
        throw new AppError('NOT_FOUND', 'That member does not exist.', { [field]: 'Unknown member' });
    }
    const now = ctx.now().getTime();
    const row: IntroductionsTable = {
      id: newId(),
      tag: input.tag,
      needer_id: needer.id,
      supplier_id: supplier.id,
      by_member_id: actor.memberId,
      needer_outcome: 'open',
      supplier_outcome: 'open',
      created_at: now,
      updated_at: now,
    };
    await ledger.insertIntroduction(trx, row);
    const by = actor.memberId === needer.id ? needer.name : actor.memberId === supplier.id ? supplier.name : (actor.name ?? 'The co-op');
    const told = [needer.id, supplier.id].filter((id) => id !== actor.memberId);
    await notify(withDb(ctx, trx), told, {
      kind: 'introduced',
      title: `${by} introduced ${needer.name} and ${supplier.name}`,
      body: `${needer.name} needs ${input.tag}; ${supplier.name} offers it.`,
      href: '/network/introductions',
    });
    return (await toIntroductions(withDb(ctx, trx), [row]))[0]!;
  });
}

export async function introductions(ctx: Ctx, actor: Actor, memberId: string | null): Promise<Introduction[]> {
  const whose = whoseRecords(actor, memberId);
  return toIntroductions(ctx, await ledger.recentIntroductions(ctx.db, { whose, limit: 200 }));
}

/** One side says what came of it (the desk may say it for either). */
export async function introOutcome(ctx: Ctx, actor: Actor, input: { id: string; outcome: IntroOutcome }): Promise<Introduction> {
  return commit(ctx, 'network.changed', async (trx) => {
    const row = await ledger.findIntroduction(trx, input.id);
    if (!row || (!isStaff(actor) && actor.memberId !== row.needer_id && actor.memberId !== row.supplier_id)) throw notFound('The introduction');
    const side = actor.memberId === row.supplier_id ? 'supplier_outcome' : 'needer_outcome';
    const changed = { ...row, [side]: input.outcome, updated_at: ctx.now().getTime() };
    await ledger.setIntroOutcome(trx, row.id, side, input.outcome, changed.updated_at);
    return (await toIntroductions(withDb(ctx, trx), [changed]))[0]!;
  });
}
