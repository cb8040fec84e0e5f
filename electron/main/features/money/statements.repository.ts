import type { Kysely } from 'kysely';
import { insertChunked } from '../../db/chunks';
import type { DB } from '../../db/schema';
import type { AdjustmentsTable, MoneySettingsTable, PaymentsTable, StatementLinesTable, StatementsTable } from './money.tables';

/** Statements, their lines, adjustments, payments and the money settings (schema 14). */

export const readSettings = (db: Kysely<DB>) => db.selectFrom('money_settings').selectAll().executeTakeFirst();
export async function putSettings(db: Kysely<DB>, row: MoneySettingsTable): Promise<void> {
  await db
    .insertInto('money_settings')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ tax_bp: row.tax_bp, next_number: row.next_number, updated_at: row.updated_at }))
    .execute();
}

export const statementsOf = (db: Kysely<DB>, month: string) => db.selectFrom('statements').selectAll().where('month', '=', month).orderBy('number').execute();
export const statementsOfMember = (db: Kysely<DB>, memberId: string) =>
  db.selectFrom('statements').selectAll().where('member_id', '=', memberId).orderBy('month', 'desc').execute();
export const statement = (db: Kysely<DB>, id: string) => db.selectFrom('statements').selectAll().where('id', '=', id).executeTakeFirst();
export const statementFor = (db: Kysely<DB>, memberId: string, month: string) =>
  db.selectFrom('statements').selectAll().where('member_id', '=', memberId).where('month', '=', month).executeTakeFirst();
export const linesOf = (db: Kysely<DB>, statementId: string) =>
  db.selectFrom('statement_lines').selectAll().where('statement_id', '=', statementId).orderBy('seq').execute();
export async function lineCounts(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('statement_lines')
    .select('statement_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('statement_id', 'in', ids as string[])
    .groupBy('statement_id')
    .execute();
  return new Map(rows.map((r) => [r.statement_id, Number(r.n)]));
}

export const insertStatements = (db: Kysely<DB>, rows: readonly StatementsTable[]) => insertChunked(db, 'statements', rows);
export const insertLines = (db: Kysely<DB>, rows: readonly StatementLinesTable[]) => insertChunked(db, 'statement_lines', rows);

export const adjustmentsIn = (db: Kysely<DB>, month: string, memberId?: string) => {
  let q = db.selectFrom('adjustments').selectAll().where('month', '=', month);
  if (memberId) q = q.where('member_id', '=', memberId);
  return q.orderBy('created_at').execute();
};
export const adjustmentsOfMember = (db: Kysely<DB>, memberId: string) =>
  db.selectFrom('adjustments').selectAll().where('member_id', '=', memberId).orderBy('month').orderBy('created_at').execute();
export const insertAdjustment = (db: Kysely<DB>, row: AdjustmentsTable) => db.insertInto('adjustments').values(row).execute();

export const insertPayment = (db: Kysely<DB>, row: PaymentsTable) => db.insertInto('payments').values(row).execute();
export const paymentsOf = (db: Kysely<DB>, memberId: string) =>
  db
    .selectFrom('payments')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('paid_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();

/** Billed and paid per member (every member with either), summed in the database. */
export async function balances(db: Kysely<DB>, memberId?: string): Promise<Map<string, { billed: number; paid: number }>> {
  let billed = db
    .selectFrom('statements')
    .select('member_id')
    .select((eb) => eb.fn.sum<number>('total_minor').as('n'))
    .groupBy('member_id');
  let paid = db
    .selectFrom('payments')
    .select('member_id')
    .select((eb) => eb.fn.sum<number>('amount_minor').as('n'))
    .groupBy('member_id');
  if (memberId) {
    billed = billed.where('member_id', '=', memberId);
    paid = paid.where('member_id', '=', memberId);
  }
  const [b, p] = await Promise.all([billed.execute(), paid.execute()]);
  const out = new Map<string, { billed: number; paid: number }>();
  for (const r of b) out.set(r.member_id, { billed: Number(r.n), paid: 0 });
  for (const r of p) out.set(r.member_id, { billed: out.get(r.member_id)?.billed ?? 0, paid: Number(r.n) });
  return out;
}

/** Statement lines of the months `from`..`to` with their statement, and payments of those months' days: the accountant's export. */
export const linesBetween = (db: Kysely<DB>, from: string, to: string) =>
  db
    .selectFrom('statement_lines')
    .innerJoin('statements', 'statements.id', 'statement_lines.statement_id')
    .select([
      'statements.number',
      'statements.member_id',
      'statements.month',
      'statements.currency',
      'statements.tax_bp',
      'statements.tax_minor',
      'statement_lines.seq',
      'statement_lines.kind',
      'statement_lines.on_date',
      'statement_lines.description',
      'statement_lines.amount_minor',
    ])
    .where('statements.month', '>=', from)
    .where('statements.month', '<=', to)
    .orderBy('statements.number')
    .orderBy('statement_lines.seq')
    .execute();
export const paymentsBetween = (db: Kysely<DB>, fromDay: string, toDay: string) =>
  db
    .selectFrom('payments')
    .selectAll()
    .where('paid_on', '>=', fromDay)
    .where('paid_on', '<=', toDay)
    .orderBy('paid_on')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
