/**
 * The throwaway feature's lines in the central lists (see throwawayFeature.ts): its contract part and
 * its migration. Imports only the building blocks, so the lists can be built with them.
 */
import * as z from 'zod';
import { command, contractPart, query } from '@shared/contract/common';
import type { Migration } from '../../electron/main/db/migrations';

export interface Note {
  id: string;
  title: string;
}

export const notesContract = contractPart('notes', 'Notes', ['notes.changed'], {
  'notes.list': query<{ rows: Note[] }>()(z.object({}), 'member'),
  'notes.add': command<Note>()(z.object({ title: z.string().trim().min(1, 'A note needs a title') }), 'manager', { audit: 'added a note' }),
});

export const notesMigration: Migration = {
  name: '9999_notes',
  up: async (db) => {
    await db.schema
      .createTable('notes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .execute();
  },
};
