import { Link } from 'wouter';
import { COST_CATEGORIES, COST_CATEGORY_WORDS, SPLITS, SPLIT_WORDS } from '@shared/contract/money.contract';
import { addMonthsIso } from '@shared/domain/dates';
import { parseMoney } from '@shared/domain/money';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { SelectField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { formatMonthYear, todayLocal } from '../../components/format';
import { SimpleTable } from '../../components/SimpleTable';
import { useAction } from '../../components/useAction';
import { useChannelForm } from '../../components/useChannelForm';
import { money, MoneyPage } from './moneyUi';

const shift = (month: string, by: number) => addMonthsIso(`${month}-01`, by).slice(0, 7);

/** A month's real costs, how each is shared, what each member pays beside their share, and the surplus or deficit. */
export function CostsPage({ month: asked }: { month: string | null }) {
  const month = asked ?? todayLocal().slice(0, 7);
  const data = useApi('money.costs', { month }).data;
  const { message, act } = useAction();
  const c = data?.currency ?? 'EUR';
  return (
    <MoneyPage title="Costs at cost" subtitle="The premises’ real costs, shared among the members on a plan: each sees their share beside what they pay.">
      <nav className="month-nav" aria-label="Month">
        <Link href={`/money/costs/${shift(month, -1)}`}>← {formatMonthYear(`${shift(month, -1)}-01`)}</Link>
        <strong>{formatMonthYear(`${month}-01`)}</strong>
        <Link href={`/money/costs/${shift(month, 1)}`}>{formatMonthYear(`${shift(month, 1)}-01`)} →</Link>
      </nav>
      <ActionNote message={message} />
      {data ? (
        <p className="figure" role="status" aria-label="The month">
          Members pay {money(data.income, c)} · the premises cost {money(data.total, c)} ·{' '}
          <strong>{data.surplus >= 0 ? `a surplus of ${money(data.surplus, c)}` : `a deficit of ${money(-data.surplus, c)}`}</strong>
        </p>
      ) : null}
      <div className="split-columns">
        <div>
          <SimpleTable
            label="Costs"
            className="data-table"
            columns={[
              { header: 'Cost', cell: (x) => `${COST_CATEGORY_WORDS[x.category]}${x.label ? `: ${x.label}` : ''}` },
              { header: 'Amount', cell: (x) => money(x.amountMinor, c) },
              { header: 'Shared', cell: (x) => (x.fellBackToEqual ? `${SPLIT_WORDS[x.split]} (nobody booked: by days on a plan)` : SPLIT_WORDS[x.split]) },
              {
                header: '',
                cell: (x) => (
                  <button
                    type="button"
                    aria-label={`Remove ${x.label || COST_CATEGORY_WORDS[x.category]}`}
                    onClick={() => void act(() => call('money.removeCost', { id: x.id }), 'Removed.')}
                  >
                    Remove
                  </button>
                ),
              },
            ]}
            rows={data?.costs ?? []}
            rowKey={(x) => x.id}
          />
          <h2>Members this month</h2>
          <SimpleTable
            label="Members’ shares"
            className="data-table"
            columns={[
              { header: 'Member', cell: (m) => <Link href={`/members/${m.member.id}`}>{m.member.name}</Link> },
              { header: 'Plan', cell: (m) => m.plan },
              { header: 'Pays', cell: (m) => money(m.pays, c) },
              { header: 'Share of the real cost', cell: (m) => money(m.share, c) },
            ]}
            rows={data?.members ?? []}
            rowKey={(m) => m.member.id}
          />
        </div>
        <AddCost key={month} month={month} currency={c} />
      </div>
    </MoneyPage>
  );
}

function AddCost({ month, currency }: { month: string; currency: string }) {
  const form = useChannelForm('money.addCost', {
    defaultValues: { month, category: 'rent' as (typeof COST_CATEGORIES)[number], label: '', amount: '', split: 'equal' as (typeof SPLITS)[number] },
    toInput: (v) => ({ month: v.month, category: v.category, label: v.label, amountMinor: parseMoney(v.amount), split: v.split }),
    fieldOf: { amountMinor: 'amount', month: 'amount' },
    onSaved: (_r, _v, f) => f.reset(),
  });
  return (
    <form className="card form" aria-label="Add a cost" noValidate onSubmit={(e) => void form.submit(e)}>
      <h2>Add a cost of {formatMonthYear(`${month}-01`)}</h2>
      <SelectField
        label="Kind"
        options={COST_CATEGORIES.map((k) => [k, COST_CATEGORY_WORDS[k]] as const)}
        error={form.errorOf('category')}
        {...form.register('category')}
      />
      <TextField label="What it is" placeholder="Rent of the ground floor" error={form.errorOf('label')} {...form.register('label')} />
      <TextField label={`Amount (${currency})`} inputMode="decimal" error={form.errorOf('amount')} {...form.register('amount')} />
      <SelectField label="Shared" options={SPLITS.map((s) => [s, SPLIT_WORDS[s]] as const)} error={form.errorOf('split')} {...form.register('split')} />
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit" className="button-primary">
          Add the cost
        </button>
      </FormActions>
    </form>
  );
}
