import type { Ctx } from '../../context';

type Db = Ctx['db'];

export const replayOf = (db: Db, caller: string, key: string) =>
  db.selectFrom('command_replays').select(['input_hash', 'result']).where('caller', '=', caller).where('key', '=', key).executeTakeFirst();

/** Inserts the answer; false when the key was taken meanwhile (a retry that raced its first try). */
export async function insertReplay(db: Db, row: { caller: string; key: string; channel: string; input_hash: string; result: string; created_at: number }) {
  const result = await db
    .insertInto('command_replays')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export const deleteReplaysBefore = async (db: Db, before: number) =>
  Number((await db.deleteFrom('command_replays').where('created_at', '<', before).executeTakeFirst()).numDeletedRows);

export const updateReplayResult = (db: Db, caller: string, key: string, result: string) =>
  db.updateTable('command_replays').set({ result }).where('caller', '=', caller).where('key', '=', key).execute();
