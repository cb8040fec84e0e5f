/**
 * A feature that exists only for test/db/throwaway-feature.test.ts: "notes", declared the way the
 * README's recipe says — a contract part, a migration, a feature module — and nothing else.
 * Its contract part and migration are in throwawayLines.ts: what the test adds to the central lists.
 */
import { sql } from 'kysely';
import { type Note, notesContract } from './throwawayLines';
import type { Ctx } from '../../electron/main/context';
import type { FeatureModule } from '../../electron/main/feature';
import { commit } from '../../electron/main/db/tx';
import { labelsOf } from '../../electron/main/db/tables';

// Not in the database type or the contract's channel types (it is a test's feature): written untyped, the queries through `sql`.
export const notesFeature: FeatureModule = {
  name: 'notes',
  contract: notesContract,
  tables: ['notes' as never],
  handlers: {
    'notes.list': async (_input: unknown, ctx: Ctx) => ({ rows: (await sql<Note>`select id, title from notes order by title`.execute(ctx.db)).rows }),
    'notes.add': (input: { title: string }, ctx: Ctx) =>
      commit(ctx, 'notes.changed' as never, async (trx) => {
        const note = { id: `note-${input.title.toLowerCase().replace(/\W+/g, '-')}`, title: input.title };
        await sql`insert into notes (id, title) values (${note.id}, ${note.title})`.execute(trx);
        return note;
      }),
  } as FeatureModule['handlers'],
  records: async (ctx, ids) => (await labelsOf(ctx.db, 'notes' as never, 'title' as never, ids)).map((r) => ({ ...r, href: '/notes' })),
};
