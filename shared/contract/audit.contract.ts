import * as z from 'zod';
import { instant } from './fields';
import { query, contractPart } from './common';

export interface AuditEntry {
  id: string;
  at: string;
  actorRole: string;
  actorMemberId: string | null;
  actorName: string;
  channel: string;
  /** What was done, in words after who did it: "added the member" (the command's or the job's own). */
  words: string;
  recordId: string | null;
  /** The input as JSON, secrets hidden. */
  details: string;
  /** The record as people know it ("Garden Room, 3 Dec 10:00–11:00") and where it is shown; null when gone or none. */
  record: RecordLabel | null;
}

/** A record named for people, with the screen that shows it (a path of the app's routes). */
export interface RecordLabel {
  id: string;
  label: string;
  /** The local date the record is about (a booking's day), shown in the co-op's date format. */
  date?: string;
  href: string;
}

export const auditContract = contractPart('audit', 'Audit log', [], {
  'audit.list': query<{ total: number; rows: AuditEntry[] }>()(
    z.object({
      channel: z.string().trim().max(60).default(''),
      /** A part of the contract (its `name`): every change through its channels, and its jobs'. */
      area: z.string().trim().max(40).default(''),
      memberId: z.string().trim().max(64).default(''),
      recordId: z.string().trim().max(64).default(''),
      from: instant.optional(),
      to: instant.optional(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    'manager',
  ),
});
