import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney, parseMoney } from '@shared/domain/money';
import { useApi } from '../../api/hooks';
import { SimpleTable } from '../../components/SimpleTable';
import { DateField } from '../../components/DateField';
import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { MemberPicker } from '../../components/MemberPicker';
import { formatDate, formatMonth, todayLocal } from '../../components/format';
import { useChannelForm } from '../../components/useChannelForm';
import { amount, NetworkPage, useViewer } from './networkUi';

/** Trade between members: what members buy from each other, and how much business the co-op keeps inside. */
export function TradePage() {
  const viewer = useViewer();
  const report = useApi('network.tradeReport', { months: 12 });
  const trades = useApi('network.trades', {});
  const r = report.data;
  return (
    <NetworkPage title="Trade between members" subtitle="Buying from each other is a form of collaboration: what stays inside the co-op.">
      <div className="split-columns">
        <section className="card" aria-labelledby="trade-report-title">
          <h2 id="trade-report-title">Business kept inside, last 12 months</h2>
          {r ? (
            <>
              <p className="figure">
                {formatMoney(r.total, r.currency)} <span className="muted small">in {r.count} purchases</span>
              </p>
              <div
                className="chart"
                role="img"
                aria-label={`By month: ${r.byMonth.map((m) => `${formatMonth(m.month)} ${formatMoney(m.value, r.currency)}`).join(', ')}`}
              >
                <ResponsiveContainer width="100%" height={180}>
                  <BarChart data={r.byMonth.map((m) => ({ month: formatMonth(m.month), value: m.value / 100 }))}>
                    <XAxis dataKey="month" fontSize={11} />
                    <YAxis fontSize={11} width={48} />
                    <Tooltip formatter={(v) => formatMoney(Number(v) * 100, r.currency)} />
                    <Bar dataKey="value" fill="var(--accent)" />
                  </BarChart>
                </ResponsiveContainer>
              </div>
              <h3>By sector</h3>
              <SimpleTable
                label="By sector"
                rows={r.bySector.slice(0, 12)}
                rowKey={(x) => x.sector}
                columns={[
                  { header: 'Sector', cell: (x) => x.sector },
                  { header: 'Value', cell: (x) => formatMoney(x.value, r.currency), className: 'num' },
                  { header: 'Purchases', cell: (x) => x.count, className: 'num' },
                ]}
              />
            </>
          ) : null}
        </section>
        <div className="stack">
          <RecordTrade staff={viewer.staff} currency={r?.currency ?? ''} />
          <section aria-labelledby="my-trades-title">
            <h2 id="my-trades-title">{viewer.staff ? 'Latest purchases' : 'Your purchases and sales'}</h2>
            <ul className="record-list">
              {trades.data?.map((t) => (
                <li key={t.id} className="card record">
                  <span>
                    {formatDate(t.onDate)} · <strong>{t.buyer.name}</strong> bought {t.what} from <strong>{t.seller.name}</strong>
                  </span>
                  <span className="num">{amount(t.value, r?.currency ?? 'EUR')}</span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </NetworkPage>
  );
}

function RecordTrade({ staff, currency }: { staff: boolean; currency: string }) {
  const [key, setKey] = useState(0);
  const form = useChannelForm('network.recordTrade', {
    defaultValues: {
      buyer: null as { id: string; name: string } | null,
      seller: null as { id: string; name: string } | null,
      what: '',
      sector: '',
      value: '',
      onDate: todayLocal(),
    },
    toInput: (v) => ({
      buyerId: v.buyer?.id ?? null,
      sellerId: v.seller?.id ?? '',
      what: v.what,
      sector: v.sector,
      value: parseMoney(v.value),
      onDate: v.onDate,
    }),
    fieldOf: { buyerId: 'buyer', sellerId: 'seller' },
    onSaved: (_t, _v, f) => {
      f.reset();
      setKey((k) => k + 1);
    },
  });
  return (
    <form key={key} className="card form" aria-label="Record a purchase" noValidate onSubmit={(e) => void form.submit(e)}>
      <h2>Record a purchase from a member</h2>
      {staff ? (
        <Controller
          control={form.control}
          name="buyer"
          render={({ field }) => <MemberPicker label="Bought by" value={field.value} onChange={field.onChange} error={form.errorOf('buyer')} />}
        />
      ) : null}
      <Controller
        control={form.control}
        name="seller"
        render={({ field }) => <MemberPicker label="Bought from" value={field.value} onChange={field.onChange} error={form.errorOf('seller')} />}
      />
      <TextField label="What" placeholder="Product photos for the shop" error={form.errorOf('what')} {...form.register('what')} />
      <TextField label="Sector" placeholder="photography" error={form.errorOf('sector')} {...form.register('sector')} />
      <TextField label={`Value${currency ? ` (${currency})` : ''}`} inputMode="decimal" error={form.errorOf('value')} {...form.register('value')} />
      <Controller
        control={form.control}
        name="onDate"
        render={({ field }) => <DateField label="On" value={field.value} onValue={field.onChange} onBlur={field.onBlur} error={form.errorOf('onDate')} />}
      />
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit" className="button-primary">
          Record
        </button>
      </FormActions>
    </form>
  );
}
