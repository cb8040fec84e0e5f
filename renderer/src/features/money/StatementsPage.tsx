import { Link } from 'wouter';
import type { StatementSummary } from '@shared/contract/money.contract';
import { addMonthsIso } from '@shared/domain/dates';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { downloadText, formatMonthYear, todayLocal } from '../../components/format';
import { SimpleTable } from '../../components/SimpleTable';
import { useAction } from '../../components/useAction';
import { useChannelForm } from '../../components/useChannelForm';
import { money, MoneyPage } from './moneyUi';

const shift = (month: string, by: number) => addMonthsIso(`${month}-01`, by).slice(0, 7);
const words = (month: string) => formatMonthYear(`${month}-01`);

/** A month's statements: drafts while it goes on, issued (numbered, never changed) once it has ended and the desk closes it. */
export function StatementsPage({ month: asked }: { month: string | null }) {
  const month = asked ?? shift(todayLocal().slice(0, 7), -1);
  const data = useApi('money.statements', { month }).data;
  const { message, act } = useAction();
  const c = data?.currency ?? 'EUR';
  const columns = (issued: boolean) => [
    ...(issued ? [{ header: 'No.', cell: (s: StatementSummary) => <Link href={`/money/statement/${s.id}`}>{s.number}</Link> }] : []),
    { header: 'Member', cell: (s: StatementSummary) => <Link href={`/members/${s.member.id}`}>{s.member.name}</Link> },
    { header: 'Lines', cell: (s: StatementSummary) => s.lines, className: 'num' },
    { header: 'Subtotal', cell: (s: StatementSummary) => money(s.subtotal, c), className: 'num' },
    { header: 'Tax', cell: (s: StatementSummary) => money(s.tax, c), className: 'num' },
    { header: 'Total', cell: (s: StatementSummary) => money(s.total, c), className: 'num' },
  ];
  const sum = (rows: readonly StatementSummary[]) =>
    money(
      rows.reduce((n, s) => n + s.total, 0),
      c,
    );
  return (
    <MoneyPage title="Statements" subtitle="Each member’s month: the plan by calendar days, bookings beyond its credits, paid events and adjustments.">
      <nav className="month-nav" aria-label="Month">
        <Link href={`/money/statements/${shift(month, -1)}`}>← {words(shift(month, -1))}</Link>
        <strong>{words(month)}</strong>
        <Link href={`/money/statements/${shift(month, 1)}`}>{words(shift(month, 1))} →</Link>
      </nav>
      <ActionNote message={message} />
      {data ? (
        <div className="split-columns">
          <div>
            <p className="figure" role="status" aria-label="The month’s statements">
              {data.issued.length} issued ({sum(data.issued)}) · {data.drafts.length} to issue ({sum(data.drafts)})
            </p>
            {data.drafts.length > 0 ? (
              <>
                <h2>To issue</h2>
                {data.ended ? (
                  <p>
                    <button
                      type="button"
                      className="button-primary"
                      onClick={() => void act(() => call('money.closeMonth', { month }), `Issued the statements of ${words(month)}.`)}
                    >
                      Close {words(month)} and issue {data.drafts.length} statement{data.drafts.length === 1 ? '' : 's'}
                    </button>
                  </p>
                ) : (
                  <p className="muted">Drafts so far: {words(month)} has not ended, so its statements cannot be issued yet.</p>
                )}
                <SimpleTable label="Statements to issue" className="data-table" columns={columns(false)} rows={data.drafts} rowKey={(s) => s.member.id} />
              </>
            ) : null}
            <h2>Issued</h2>
            {data.issued.length === 0 ? <p className="muted">None yet.</p> : null}
            <SimpleTable label="Issued statements" className="data-table" columns={columns(true)} rows={data.issued} rowKey={(s) => s.id!} />
          </div>
          <div>
            <TaxRate />
            <AccountantExport month={month} />
          </div>
        </div>
      ) : null}
    </MoneyPage>
  );
}

function TaxRate() {
  const settings = useApi('money.settings', {}).data;
  if (!settings) return null;
  return <TaxRateForm key={settings.taxBp} taxBp={settings.taxBp} />;
}

function TaxRateForm({ taxBp }: { taxBp: number }) {
  const form = useChannelForm('money.saveSettings', {
    defaultValues: { rate: String(taxBp / 100) },
    toInput: (v) => ({ taxBp: Math.round(Number(v.rate.replace(',', '.')) * 100) }),
    fieldOf: { taxBp: 'rate' },
  });
  return (
    <form className="card form" aria-label="Tax" noValidate onSubmit={(e) => void form.submit(e)}>
      <h2>Tax on statements</h2>
      <TextField label="Tax rate (%)" inputMode="decimal" hint="0 where members pay none" error={form.errorOf('rate')} {...form.register('rate')} />
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit">Save the rate</button>
      </FormActions>
    </form>
  );
}

function AccountantExport({ month }: { month: string }) {
  const form = useChannelForm('money.accountingExport', {
    defaultValues: { from: month, to: month },
    toInput: (v) => ({ from: v.from.trim(), to: v.to.trim() }),
    onSaved: (file) => downloadText(file.filename, file.csv),
  });
  return (
    <form className="card form" aria-label="For the accountant" noValidate onSubmit={(e) => void form.submit(e)}>
      <h2>For the accountant</h2>
      <p className="small muted">Every statement line, tax and payment of the months, as CSV.</p>
      <div className="grid">
        <TextField label="From month" placeholder="2026-01" error={form.errorOf('from')} {...form.register('from')} />
        <TextField label="To month" placeholder="2026-12" error={form.errorOf('to')} {...form.register('to')} />
      </div>
      <FormActions error={form.formError} saved={null}>
        <button type="submit">Download CSV</button>
      </FormActions>
    </form>
  );
}
