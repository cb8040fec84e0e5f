import type { Statement } from '@shared/contract/money.contract';
import { formatIsoDate, formatMonth } from '@shared/domain/dates';
import { formatMoney } from '@shared/domain/money';
import type { PDFFont, RGB } from 'pdf-lib';
import type { Actor, Ctx } from '../../context';
import { toCsv } from '../../csv';
import { readCoop } from '../settings';
import { getStatement } from './statements.service';

/** An issued statement as a file: a one-page-per-40-lines A4 PDF (pdf-lib), or CSV. */

const KIND_WORDS = { plan: 'Plan', usage: 'Booking', 'day-pass': 'Day pass', event: 'Event', adjustment: 'Adjustment' } as const;

export function statementCsv(s: Statement): string {
  const rows = s.lines.map((l) => [l.onDate, KIND_WORDS[l.kind], l.description, l.credits, (l.amountMinor / 100).toFixed(2)]);
  rows.push(
    ['', '', 'Subtotal', '', (s.subtotal / 100).toFixed(2)],
    ['', '', `Tax at ${s.taxBp / 100}%`, '', (s.tax / 100).toFixed(2)],
    ['', '', 'Total', '', (s.total / 100).toFixed(2)],
  );
  return toCsv(['date', 'kind', 'description', 'from the plan', `amount (${s.currency})`], rows);
}

/**
 * The standard PDF fonts write Windows-1252 only: a letter outside it is written without its
 * accent where that makes it one ("ł" stays a question mark), so a name never breaks the file.
 */
function writable(font: PDFFont, text: string): string {
  return [...text]
    .map((ch) => {
      for (const candidate of [ch, ch.normalize('NFD').replace(/\p{M}/gu, '')]) {
        try {
          font.encodeText(candidate);
          return candidate;
        } catch {
          // try the next
        }
      }
      return '?';
    })
    .join('');
}

export async function statementPdf(s: Statement, coopName: string): Promise<Uint8Array> {
  // pdf-lib is loaded when a statement is first printed, not with the app
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Statement ${s.number} — ${s.member.name}, ${formatMonth(s.month)}`);
  pdf.setCreator('Coopdesk');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const money = (minor: number) => formatMoney(minor, s.currency, 'en-GB');
  const grey = rgb(0.35, 0.35, 0.35);
  let page = pdf.addPage([595.28, 841.89]);
  let y = 790;
  const text = (t: string, x: number, options: { size?: number; font?: PDFFont; right?: boolean; color?: RGB } = {}) => {
    const f = options.font ?? font;
    const size = options.size ?? 10;
    const safe = writable(f, t);
    page.drawText(safe, { x: options.right ? x - f.widthOfTextAtSize(safe, size) : x, y, size, font: f, color: options.color });
  };
  text(coopName, 50, { size: 16, font: bold });
  y -= 22;
  text(`Statement ${s.number ?? '(draft)'} · ${formatMonth(s.month)}`, 50, { size: 12 });
  text(s.issuedAt ? `Issued ${formatIsoDate(s.issuedAt)}` : 'Not issued', 545, { right: true, color: grey });
  y -= 18;
  text(s.member.businessName ? `${s.member.name}, ${s.member.businessName}` : s.member.name, 50, { font: bold });
  y -= 30;
  const header = () => {
    text('Date', 50, { font: bold });
    text('Description', 120, { font: bold });
    text('From the plan', 360, { font: bold });
    text('Amount', 545, { font: bold, right: true });
    y -= 16;
  };
  header();
  for (const l of s.lines) {
    if (y < 90) {
      page = pdf.addPage([595.28, 841.89]);
      y = 790;
      header();
    }
    text(formatIsoDate(l.onDate), 50);
    text(l.description.length > 44 ? `${l.description.slice(0, 43)}…` : l.description, 120);
    text(l.credits, 360, { color: grey, size: 9 });
    text(money(l.amountMinor), 545, { right: true });
    y -= 15;
  }
  y -= 10;
  for (const [label, amount, f] of [
    ['Subtotal', s.subtotal, font],
    [`Tax at ${s.taxBp / 100}%`, s.tax, font],
    ['Total', s.total, bold],
  ] as const) {
    text(label, 360, { font: f });
    text(money(amount), 545, { right: true, font: f });
    y -= 15;
  }
  return pdf.save();
}

/** An issued statement's file, for its member or the staff. */
export async function statementFile(ctx: Ctx, actor: Actor, id: string, format: 'pdf' | 'csv'): Promise<{ filename: string; base64: string }> {
  const [s, coop] = await Promise.all([getStatement(ctx, actor, { id }), readCoop(ctx.db)]);
  const name = `statement-${s.number}-${s.month}.${format}`;
  const bytes = format === 'pdf' ? await statementPdf(s, coop.name) : new TextEncoder().encode(statementCsv(s));
  return { filename: name, base64: Buffer.from(bytes).toString('base64') };
}
