import { Controller } from 'react-hook-form';
import { Link } from 'wouter';
import { type MemberAccount, PAYMENT_METHODS, PAYMENT_METHOD_WORDS } from '@shared/contract/money.contract';
import { parseMoney } from '@shared/domain/money';
import { useApi } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { SelectField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { formatDate, formatMonthYear, todayLocal } from '../../components/format';
import { useChannelForm } from '../../components/useChannelForm';
import { useViewer } from '../auth';
import { money } from './moneyUi';

/** A member's statements, payments and balance, in a list (their own page, or the desk's view of a member). */
export function AccountSummary({ account }: { account: MemberAccount }) {
  const c = account.currency;
  const { owes } = account.balance;
  return (
    <>
      <p className="figure" role="status" aria-label="Balance">
        {owes > 0 ? `Owes ${money(owes, c)}` : owes < 0 ? `In credit ${money(-owes, c)}` : 'Paid up'} · billed {money(account.balance.billed, c)}, paid{' '}
        {money(account.balance.paid, c)}
      </p>
      {account.statements.length > 0 ? (
        <ul className="plain-list" aria-label="Statements">
          {account.statements.map((s) => (
            <li key={s.id}>
              <Link href={`/money/statement/${s.id}`}>
                Statement {s.number}, {formatMonthYear(`${s.month}-01`)}
              </Link>
              : {money(s.total, c)}
            </li>
          ))}
        </ul>
      ) : null}
      {account.payments.length > 0 ? (
        <ul className="plain-list small" aria-label="Payments">
          {account.payments.map((p) => (
            <li key={p.id}>
              {formatDate(p.paidOn)}: {money(p.amountMinor, c)} by {PAYMENT_METHOD_WORDS[p.method].toLowerCase()}
              {p.reference ? ` (${p.reference})` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {account.adjustments.length > 0 ? (
        <ul className="plain-list small" aria-label="Adjustments to come">
          {account.adjustments.map((a) => (
            <li key={a.id}>
              {formatMonthYear(`${a.month}-01`)}: {a.description}, {money(a.amountMinor, c)}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** On a member's page, for the manager: their account, a payment recorded by hand, an adjustment on a month not yet issued. */
export function MemberAccountPart({ memberId }: { memberId: string; name: string }) {
  const viewer = useViewer();
  const account = useApi('money.account', { memberId }, { enabled: viewer.manager }).data;
  if (!viewer.manager || !account) return null;
  return (
    <section className="card" aria-labelledby="member-account-title">
      <h2 id="member-account-title">Account</h2>
      <AccountSummary account={account} />
      <RecordPayment memberId={memberId} currency={account.currency} owes={account.balance.owes} />
      <AddAdjustment memberId={memberId} currency={account.currency} />
    </section>
  );
}

function RecordPayment({ memberId, currency, owes }: { memberId: string; currency: string; owes: number }) {
  const form = useChannelForm('money.recordPayment', {
    defaultValues: {
      paidOn: todayLocal(),
      amount: owes > 0 ? (owes / 100).toFixed(2) : '',
      method: 'transfer' as (typeof PAYMENT_METHODS)[number],
      reference: '',
    },
    toInput: (v) => ({ memberId, paidOn: v.paidOn, amountMinor: parseMoney(v.amount), method: v.method, reference: v.reference }),
    fieldOf: { amountMinor: 'amount' },
    onSaved: (_r, _v, f) => f.reset({ paidOn: todayLocal(), amount: '', method: 'transfer', reference: '' }),
  });
  return (
    <form className="form" aria-label="Record a payment" noValidate onSubmit={(e) => void form.submit(e)}>
      <h3>Record a payment</h3>
      <div className="grid">
        <TextField label={`Amount (${currency})`} inputMode="decimal" error={form.errorOf('amount')} {...form.register('amount')} />
        <SelectField
          label="How"
          options={PAYMENT_METHODS.map((m) => [m, PAYMENT_METHOD_WORDS[m]] as const)}
          error={form.errorOf('method')}
          {...form.register('method')}
        />
        <Controller
          control={form.control}
          name="paidOn"
          render={({ field }) => (
            <DateField label="Paid on" value={field.value} onValue={field.onChange} onBlur={field.onBlur} error={form.errorOf('paidOn')} />
          )}
        />
        <TextField label="Reference" error={form.errorOf('reference')} {...form.register('reference')} />
      </div>
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit">Record the payment</button>
      </FormActions>
    </form>
  );
}

function AddAdjustment({ memberId, currency }: { memberId: string; currency: string }) {
  const form = useChannelForm('money.addAdjustment', {
    defaultValues: { month: todayLocal().slice(0, 7), description: '', amount: '' },
    toInput: (v) => ({ memberId, month: v.month.trim(), description: v.description, amountMinor: parseMoney(v.amount) }),
    fieldOf: { amountMinor: 'amount' },
    onSaved: (_r, v, f) => f.reset({ month: v.month, description: '', amount: '' }),
  });
  return (
    <form className="form" aria-label="Add an adjustment" noValidate onSubmit={(e) => void form.submit(e)}>
      <h3>Add an adjustment</h3>
      <div className="grid">
        <TextField label="On the month" placeholder="2026-12" error={form.errorOf('month')} {...form.register('month')} />
        <TextField label="For" placeholder="Broken chair: a credit" error={form.errorOf('description')} {...form.register('description')} />
        <TextField
          label={`Amount (${currency})`}
          inputMode="decimal"
          hint="negative for a credit"
          error={form.errorOf('amount')}
          {...form.register('amount')}
        />
      </div>
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit">Add the adjustment</button>
      </FormActions>
    </form>
  );
}
