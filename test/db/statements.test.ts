import { sql } from 'kysely';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../electron/main/context';
import { bookFor, bookingWorldEachTest, london } from '../helpers/bookingWorld';

/**
 * Credits, statements and payments. The clock says Tuesday 2026-11-24; Ana is on Flex 8 (8 desk
 * days, 4 room hours, £120 a month) from 16 November, so November bills 15 of its 30 days.
 */
const { t, w, clock } = bookingWorldEachTest();
const as = (memberId: string): Actor => ({ role: 'member', memberId });
const manager: Actor = { role: 'manager', memberId: null };
const attempt = (channel: string, input: unknown, actor: Actor = manager) => t.coop.api.dispatch(channel as never, input as never, actor);
const snapshot = async () => {
  const all = await t.snapshot();
  delete all.audit_log;
  return all;
};

async function onFlex(memberId = w.member.id, on = '2026-11-16') {
  const plans = await t.call('money.savePlan', { name: 'Flex 8', priceMinor: 12_000, deskDays: 8, roomHours: 4, resourceHours: 0, discountPct: 10, weight: 1 });
  const flex = plans.find((p) => p.name === 'Flex 8')!;
  await t.call('money.changePlan', { memberId, action: 'start', planId: flex.id, on });
  return flex;
}

describe('credits on bookings', () => {
  it('uses the plan’s room hours first, then charges the rate less the discount; the price and credits are frozen; the dialog says which', async () => {
    await onFlex();
    const req = (from: string, to: string, bookableId = w.room.id) => ({
      bookableId,
      memberId: w.member.id,
      start: london('2026-11-26', from),
      end: london('2026-11-26', to),
    });
    expect(await t.call('bookings.check', req('09:00', '12:00'))).toMatchObject({ price: 0, credits: 'Uses 3 of your 4 room hours left this month' });
    const first = await bookFor(t, w.room.id, w.member.id, '2026-11-26', '09:00', '12:00');
    expect(first.price).toBe(0);
    // 1 hour left: 1 of 2 hours covered, the other at £15 less 10%
    expect(await t.call('bookings.check', req('13:00', '15:00'))).toMatchObject({ price: 1350, credits: 'Uses 1 of your 1 room hours left this month' });
    const second = await bookFor(t, w.room.id, w.member.id, '2026-11-26', '13:00', '15:00');
    expect(second.price).toBe(1350);
    expect(await t.call('bookings.check', req('15:00', '16:00', w.bigRoom.id))).toMatchObject({
      price: 2250,
      credits: 'Your plan’s room hours this month are used up',
    });
    // a desk day is a desk day, whatever the hours; December has its own credits
    await t.call('bookables.update', { ...(await t.call('bookables.get', { id: w.desks.id })), hourlyRate: 300 });
    expect((await t.call('bookings.check', { bookableId: w.desks.id, memberId: w.member.id, date: '2026-11-27' })).credits).toBe(
      'Uses 1 of your 8 desk days left this month',
    );
    expect((await t.call('bookings.check', { ...req('09:00', '10:00'), start: london('2026-12-01', '09:00'), end: london('2026-12-01', '10:00') })).price).toBe(
      0,
    );
    // a member without a plan pays the rate
    expect((await t.call('bookings.check', { ...req('09:00', '10:00'), memberId: w.ben.id })).credits).toBeNull();

    // cancelling within the cut-off gives the credits back; the rate changing later changes nothing booked
    await t.call('bookings.cancel', { id: first.id, scope: 'this', reason: '' });
    expect(await t.call('bookings.check', req('16:00', '17:00', w.bigRoom.id))).toMatchObject({
      price: 0,
      credits: 'Uses 1 of your 3 room hours left this month',
    });
    await t.call('bookables.update', { ...(await t.call('bookables.get', { id: w.room.id })), hourlyRate: 9900 });
    expect((await t.call('bookings.get', { id: second.id })).price).toBe(1350);
  });

  it('a plan whose credits cover some rooms only: the others are at their full rate; an unknown bookable is refused', async () => {
    const flex = await onFlex();
    const saved = await t.call('money.savePlan', { ...flex, bookableIds: [w.room.id] });
    expect(saved.find((p) => p.id === flex.id)!.bookableIds).toEqual([w.room.id]);
    const at = (bookableId: string) => ({ bookableId, memberId: w.member.id, start: london('2026-11-26', '09:00'), end: london('2026-11-26', '10:00') });
    expect(await t.call('bookings.check', at(w.room.id))).toMatchObject({ price: 0, credits: 'Uses 1 of your 4 room hours left this month' });
    expect(await t.call('bookings.check', at(w.bigRoom.id))).toMatchObject({ price: 2500, credits: null });
    expect(await attempt('money.savePlan', { ...flex, bookableIds: ['no-such-room'] })).toMatchObject({
      ok: false,
      error: { fields: { bookableIds: 'Unknown bookable' } },
    });
  });

  it('moving a booking charges it again, its own credits given back first', async () => {
    await onFlex();
    const b = await bookFor(t, w.room.id, w.member.id, '2026-11-26', '09:00', '13:00');
    expect(b.price).toBe(0);
    const moved = await t.call('bookings.reschedule', { id: b.id, scope: 'this', startTime: '09:00', endTime: '14:00' });
    expect(moved.moved[0].price).toBe(1350);
  });
});

describe('monthly statements', () => {
  async function november() {
    await onFlex();
    await bookFor(t, w.room.id, w.member.id, '2026-11-26', '09:00', '12:00');
    await bookFor(t, w.room.id, w.member.id, '2026-11-26', '13:00', '15:00');
    await t.call('money.saveSettings', { taxBp: 2000 });
    const [pass] = await t.call('dayPasses.savePrice', { name: 'Day pass', priceMinor: 1000 });
    await t.call('dayPasses.create', { memberId: w.member.id, priceId: pass.id });
    await t.call('money.addAdjustment', { memberId: w.member.id, month: '2026-11', description: 'Broken chair: credit', amountMinor: -500 });
  }

  it('drafts the month, refuses to issue it before it ends, then issues numbered statements that never change', async () => {
    await november();
    const draft = await t.call('money.statement', { memberId: w.member.id, month: '2026-11' }, as(w.member.id));
    expect(draft.lines.map((l) => [l.kind, l.description, l.credits, l.amountMinor])).toEqual([
      ['plan', 'Flex 8 plan, 16 Nov 2026 to 30 Nov 2026', '', 6000],
      ['day-pass', 'Day pass, 24 Nov 2026', '', 1000],
      ['usage', 'Garden Room, 26 Nov 2026 09:00–12:00', '3 h of room hours from the plan', 0],
      ['usage', 'Garden Room, 26 Nov 2026 13:00–15:00', '1 h of room hours from the plan', 1350],
      ['adjustment', 'Broken chair: credit', '', -500],
    ]);
    expect(draft).toMatchObject({ id: null, subtotal: 7850, taxBp: 2000, tax: 1570, total: 9420 });

    const before = await snapshot();
    expect(await attempt('money.closeMonth', { month: '2026-11' })).toMatchObject({ ok: false, error: { code: 'RULE', fields: { month: 'Not ended yet' } } });
    expect(await attempt('money.closeMonth', { month: '2026-12' }, as(w.member.id))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await snapshot()).toEqual(before);

    clock.now = new Date('2026-12-02T09:00:00Z');
    const closed = await t.call('money.closeMonth', { month: '2026-11' });
    expect(closed.issued.map((s) => [s.number, s.member.name, s.total])).toEqual([['00001', 'Ana Ribeiro', 9420]]);
    expect(closed.drafts).toEqual([]);
    const issued = await t.call('money.statement', { id: closed.issued[0].id! }, as(w.member.id));
    expect(issued.lines).toEqual(draft.lines);
    // never changed: a correction goes on a later month; closing again issues nothing
    const after = await snapshot();
    expect(await attempt('money.addAdjustment', { memberId: w.member.id, month: '2026-11', description: 'Late fix', amountMinor: 100 })).toMatchObject({
      ok: false,
      error: { code: 'RULE', fields: { month: 'Already issued' } },
    });
    expect(await attempt('money.closeMonth', { month: '2026-11' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // and the database itself refuses an edit that bypassed the services
    const db = t.coop.database.db;
    await expect(sql`update statements set total_minor = 1`.execute(db)).rejects.toThrow('an issued statement never changes');
    await expect(sql`update statement_lines set amount_minor = 1`.execute(db)).rejects.toThrow('an issued statement never changes');
    expect(await snapshot()).toEqual(after);
    // another member cannot read it
    expect(await attempt('money.statement', { id: issued.id }, as(w.ben.id))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await attempt('money.statementFile', { id: issued.id, format: 'pdf' }, as(w.ben.id))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    clock.now = new Date('2026-11-24T10:00:00Z');
  });

  it('writes the statement as a PDF and as CSV, and the accountant’s export of lines and payments', async () => {
    await november();
    clock.now = new Date('2026-12-02T09:00:00Z');
    const id = (await t.call('money.closeMonth', { month: '2026-11' })).issued[0].id!;
    const pdf = await t.call('money.statementFile', { id, format: 'pdf' });
    expect(pdf.filename).toBe('statement-00001-2026-11.pdf');
    const doc = await PDFDocument.load(Buffer.from(pdf.base64, 'base64'));
    expect(doc.getTitle()).toBe('Statement 00001 — Ana Ribeiro, November 2026');
    expect(doc.getPageCount()).toBe(1);
    const csv = Buffer.from((await t.call('money.statementFile', { id, format: 'csv' })).base64, 'base64').toString('utf8');
    expect(csv).toContain('2026-11-26,Booking,"Garden Room, 26 Nov 2026 13:00–15:00",1 h of room hours from the plan,13.50');
    expect(csv.trim().split('\r\n').at(-1)).toBe(',,Total,,94.20');

    await t.call('money.recordPayment', { memberId: w.member.id, paidOn: '2026-12-01', amountMinor: 9420, method: 'transfer', reference: 'Ana Nov' });
    const file = await t.call('money.accountingExport', { from: '2026-11', to: '2026-12' });
    const rows = file.csv.trim().split('\r\n');
    expect(rows[0]).toBe('type,month,date,statement,member,kind,description,amount,currency');
    expect(rows).toContain('statement,2026-11,2026-11-16,00001,Ana Ribeiro,plan,"Flex 8 plan, 16 Nov 2026 to 30 Nov 2026",60.00,GBP');
    expect(rows).toContain('tax,2026-11,2026-11-30,00001,Ana Ribeiro,tax,Tax at 20%,15.70,GBP');
    expect(rows.at(-1)).toBe('payment,2026-12,2026-12-01,,Ana Ribeiro,transfer,Ana Nov,-94.20,GBP');
    clock.now = new Date('2026-11-24T10:00:00Z');
  });

  it('records payments by hand: the balance and the list of who owes; a payment of zero or in the future is refused', async () => {
    await november();
    clock.now = new Date('2026-12-02T09:00:00Z');
    await t.call('money.closeMonth', { month: '2026-11' });
    expect((await t.call('money.owing', {})).balances.map((b) => [b.member.name, b.owes])).toEqual([['Ana Ribeiro', 9420]]);
    const before = await snapshot();
    for (const [input, field] of [
      [{ amountMinor: 0 }, 'amountMinor'],
      [{ paidOn: '2026-12-03' }, 'paidOn'],
      [{ method: 'cheque' }, 'method'],
    ] as const) {
      const base: Record<string, unknown> = { memberId: w.member.id, paidOn: '2026-12-02', amountMinor: 100, method: 'cash' };
      const r = await attempt('money.recordPayment', { ...base, ...input });
      expect(r).toMatchObject({ ok: false, error: { fields: { [field]: expect.any(String) } } });
    }
    expect(await snapshot()).toEqual(before);
    await t.call('money.recordPayment', { memberId: w.member.id, paidOn: '2026-12-02', amountMinor: 5000, method: 'cash' });
    const account = await t.call('money.recordPayment', { memberId: w.member.id, paidOn: '2026-12-02', amountMinor: 4420, method: 'card' });
    expect(account.balance).toMatchObject({ billed: 9420, paid: 9420, owes: 0 });
    expect((await t.call('money.owing', {})).balances).toEqual([]);
    expect((await t.call('money.account', {}, as(w.member.id))).payments.map((p) => p.amountMinor)).toEqual([4420, 5000]);
    clock.now = new Date('2026-11-24T10:00:00Z');
  });
});
