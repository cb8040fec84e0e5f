import type { TagAlias } from '@shared/contract/network.contract';
import type { Ctx } from '../../context';
import { commit } from '../../db/tx';
import { AppError } from '../../errors';
import { renameTag } from '../members';
import * as ledger from './ledger.repository';
import * as repo from './network.repository';

const toAlias = (r: { alias: string; tag: string; created_at: number }): TagAlias => ({
  alias: r.alias,
  tag: r.tag,
  createdAt: new Date(r.created_at).toISOString(),
});

export const aliases = async (ctx: Ctx): Promise<TagAlias[]> => (await repo.aliases(ctx.db)).map(toAlias);

/**
 * Merges `from` into `into` ("website design" → "web design"): every member's tag is renamed,
 * and `from` stays an alias, so that whoever types it later is matched as `into`. Aliases that
 * pointed at `from` now point at `into`; merging into a tag that is itself an alias follows it.
 */
export async function mergeTag(ctx: Ctx, input: { from: string; into: string }): Promise<TagAlias> {
  return commit(ctx, ['network.changed', 'members.changed'], async (trx) => {
    const existing = await repo.aliasMap(trx);
    const into = existing.get(input.into) ?? input.into;
    if (into === input.from)
      throw new AppError('VALIDATION', `“${input.into}” is already merged into “${input.from}”.`, { into: 'That would merge the tag into itself' });
    await renameTag(trx, input.from, into);
    const row = { alias: input.from, tag: into, created_at: ctx.now().getTime() };
    await ledger.putAlias(trx, row);
    return toAlias(row);
  });
}

/** Forgets an alias (the tags already renamed stay as they are). */
export async function removeAlias(ctx: Ctx, alias: string): Promise<null> {
  return commit(ctx, 'network.changed', async (trx) => {
    if ((await ledger.deleteAlias(trx, alias)) === 0) throw new AppError('NOT_FOUND', `“${alias}” is not an alias.`, { alias: 'Not an alias' });
    return null;
  });
}
