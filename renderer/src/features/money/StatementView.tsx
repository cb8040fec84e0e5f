import type { Statement } from '@shared/contract/money.contract';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { downloadBase64 } from '../../components/files';
import { formatDate, formatMonthYear } from '../../components/format';
import { useAction } from '../../components/useAction';
import { money } from './moneyUi';

/** Words before a line's description where it does not say what it is (a booking names its room, a plan says plan). */
const PREFIX = { plan: '', usage: '', 'day-pass': '', event: 'Event: ', adjustment: 'Adjustment: ' } as const;

/** A statement's lines and totals: an issued one (with its files) or a month so far. */
export function StatementTable({ s }: { s: Statement }) {
  const c = s.currency;
  return (
    <table className="data-table compact statement" aria-label={s.number ? `Statement ${s.number}` : `${formatMonthYear(`${s.month}-01`)} so far`}>
      <thead>
        <tr>
          <th className="when">Date</th>
          <th>Description</th>
          <th className="num">Amount</th>
        </tr>
      </thead>
      <tbody>
        {s.lines.map((l, i) => (
          <tr key={i}>
            <td className="when">{formatDate(l.onDate)}</td>
            <td>
              {PREFIX[l.kind]}
              {l.description}
              {l.credits ? <span className="small muted credits">{l.credits}</span> : null}
            </td>
            <td className="num">{money(l.amountMinor, c)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        {(
          [
            ['Subtotal', s.subtotal],
            [`Tax at ${s.taxBp / 100}%`, s.tax],
            ['Total', s.total],
          ] as const
        ).map(([label, amount]) => (
          <tr key={label}>
            <td className="when" />
            <th scope="row">{label}</th>
            <td className="num">{label === 'Total' ? <strong>{money(amount, c)}</strong> : money(amount, c)}</td>
          </tr>
        ))}
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
