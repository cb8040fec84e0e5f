import Papa from 'papaparse';
import type { z } from 'zod';
import { MEMBER_CSV_COLUMNS, memberFields } from '@shared/contract/members.contract';
import { splitTagList } from '@shared/domain/tags';
import { restoreCell, toCsv } from '../../csv';
import { AppError } from '../../errors';
import type { MemberRow } from './members.repository';

type MemberFields = z.output<typeof memberFields>;
type Column = (typeof MEMBER_CSV_COLUMNS)[number];

/** CSV column -> form field, so a rejected row names the column a person sees in their sheet. */
const FIELD_OF_COLUMN: Record<Exclude<Column, 'number'>, keyof MemberFields> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  business_name: 'businessName',
  business_description: 'businessDescription',
  website: 'website',
  member_since: 'memberSince',
  status: 'status',
  role: 'role',
  offers: 'offers',
  needs: 'needs',
  notes: 'notes',
};
const COLUMN_OF_FIELD = Object.fromEntries(Object.entries(FIELD_OF_COLUMN).map(([c, f]) => [f, c]));

const MAX_ROWS = 20_000;
/** Room for notes spread over several lines, and blank lines between rows. */
const MAX_LINES = 5 * MAX_ROWS;

function lineCount(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1 && lines <= MAX_LINES; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

export interface ParsedRow {
  line: number;
  name: string;
  email: string;
  member: MemberFields | null;
  errors: Record<string, string>;
}

const headerKey = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Reads a members CSV (header row required; columns in any order; tags separated by ";"). */
export function parseMembersCsv(csv: string, today: string): ParsedRow[] {
  // counted before parsing: a file of millions of empty lines would hold the host for seconds in the parser
  if (lineCount(csv) > MAX_LINES) {
    const message = `The file has more than ${MAX_LINES.toLocaleString('en')} lines; import at most ${MAX_ROWS.toLocaleString('en')} members at a time.`;
    throw new AppError('VALIDATION', message, { csv: message });
  }
  const result = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: headerKey,
  });
  const headers = result.meta.fields ?? [];
  const missing = ['name', 'email'].filter((c) => !headers.includes(c));
  if (missing.length > 0) {
    const message = `The file needs a header row with the columns ${missing.join(' and ')} (found: ${headers.join(', ') || 'none'}).`;
    throw new AppError('VALIDATION', message, { csv: message });
  }
  if (result.data.length > MAX_ROWS) {
    const message = `The file has ${result.data.length} rows; import at most ${MAX_ROWS} at a time.`;
    throw new AppError('VALIDATION', message, { csv: message });
  }

  return result.data.map((cells, index) => {
    // A cell our own export defused ('+44…) reads back as it was.
    const cell = (c: string) => restoreCell((cells[c] ?? '').trim());
    const line = index + 2; // the header is line 1
    const input = {
      name: cell('name'),
      email: cell('email'),
      phone: cell('phone'),
      businessName: cell('business_name'),
      businessDescription: cell('business_description'),
      website: cell('website'),
      memberSince: cell('member_since') || today,
      status: cell('status').toLowerCase() || undefined,
      role: cell('role').toLowerCase() || undefined,
      offers: splitTagList(cell('offers')),
      needs: splitTagList(cell('needs')),
      notes: cell('notes'),
    };
    const parsed = memberFields.safeParse(input);
    const errors: Record<string, string> = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = COLUMN_OF_FIELD[String(issue.path[0])] ?? String(issue.path[0]);
        errors[column] ??= issue.message;
      }
    }
    return {
      line,
      name: input.name,
      email: input.email,
      member: parsed.success ? parsed.data : null,
      errors,
    };
  });
}

export function exportMembersCsv(members: { row: MemberRow; tags: { offers: string[]; needs: string[] } }[]): string {
  const data = members.map(({ row, tags }) => [
    String(row.number),
    row.name,
    row.email,
    row.phone,
    row.business_name,
    row.business_description,
    row.website,
    row.member_since,
    row.status,
    row.role,
    tags.offers.join('; '),
    tags.needs.join('; '),
    row.notes,
  ]);
  return toCsv(MEMBER_CSV_COLUMNS, data);
}
