import type { Statement } from '@shared/contract/money.contract';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { downloadBase64 } from '../../components/files';
import { formatDate, formatMonthYear } from '../../components/format';
import { useAction } from '../../components/useAction';
import { money } from './moneyUi';

const KIND_WORDS = { plan: 'Plan', usage: 'Booking', 'day-pass': 'Day pass', event: 'Event', adjustment: 'Adjustment' } as const;

/** A statement's lines and totals: an issued one (with its files) or a month so far. */
export function StatementTable({ s }: { s: Statement }) {
  const c = s.currency;
  return (
    <table className="data-table compact statement" aria-label={s.number ? `Statement ${s.number}` : `${formatMonthYear(`${s.month}-01`)} so far`}>
      <thead>
        <tr>
          <th>Date</th>
          <th>What</th>
          <th>Description</th>
          <th>From the plan</th>
          <th className="num">Amount</th>
        </tr>
      </thead>
      <tbody>
        {s.lines.map((l, i) => (
          <tr key={i}>
            <td>{formatDate(l.onDate)}</td>
            <td>{KIND_WORDS[l.kind]}</td>
            <td>{l.description}</td>
            <td className="muted">{l.credits}</td>
            <td className="num">{money(l.amountMinor, c)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th colSpan={4}>Subtotal</th>
          <td className="num">{money(s.subtotal, c)}</td>
        </tr>
        <tr>
          <th colSpan={4}>Tax at {s.taxBp / 100}%</th>
          <td className="num">{money(s.tax, c)}</td>
        </tr>
        <tr>
          <th colSpan={4}>Total</th>
          <td className="num">
            <strong>{money(s.total, c)}</strong>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/** One issued statement, for its member or the desk: its lines, and the PDF and CSV to keep. */
export function StatementPage({ id }: { id: string }) {
  const s = useApi('money.statement', { id }).data;
  const { message, act } = useAction();
  if (!s) return null;
  const download = (format: 'pdf' | 'csv') =>
    act(async () => {
      const file = await call('money.statementFile', { id, format });
      downloadBase64(file.filename, file.base64);
    }, `Downloaded the ${format.toUpperCase()}.`);
  return (
    <section className="page money" aria-labelledby="statement-title">
      <header className="page-header">
        <div>
          <h1 id="statement-title">
            Statement {s.number} · {formatMonthYear(`${s.month}-01`)}
          </h1>
          <p className="subtitle">
            {s.member.name}
            {s.member.businessName ? `, ${s.member.businessName}` : ''} · issued {s.issuedAt ? formatDate(s.issuedAt) : ''} · never changed after: a correction
            goes on a later month
          </p>
        </div>
        <div className="actions">
          <button type="button" onClick={() => void download('pdf')}>
            Download PDF
          </button>
          <button type="button" onClick={() => void download('csv')}>
            Download CSV
          </button>
        </div>
      </header>
      <ActionNote message={message} />
      <StatementTable s={s} />
    </section>
  );
}
