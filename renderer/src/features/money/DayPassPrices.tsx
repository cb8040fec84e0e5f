import { useState } from 'react';
import type { DayPassPrice } from '@shared/contract/frontdesk.contract';
import { moneyInput, parseMoney } from '@shared/domain/money';
import { useApi } from '../../api/hooks';
import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { SimpleTable } from '../../components/SimpleTable';
import { useChannelForm } from '../../components/useChannelForm';
import { money } from './moneyUi';

/** The price list the desk sells day passes from (each holds a desk seat for its day). */
export function DayPassPrices({ currency }: { currency: string }) {
  const prices = useApi('dayPasses.prices', {}).data ?? [];
  const [editing, setEditing] = useState<DayPassPrice | null>(null);
  return (
    <section aria-labelledby="passes-title">
      <h2 id="passes-title">Day passes</h2>
      <SimpleTable
        label="Day passes"
        className="data-table"
        columns={[
          { header: 'Pass', cell: (p) => (p.archived ? `${p.name} (archived)` : p.name) },
          { header: 'Price', cell: (p) => money(p.priceMinor, currency), className: 'num' },
          {
            header: '',
            cell: (p) => (
              <button type="button" onClick={() => setEditing(p)} aria-label={`Change ${p.name}`}>
                Change
              </button>
            ),
          },
        ]}
        rows={prices}
        rowKey={(p) => p.id}
      />
      <PassForm key={editing?.id ?? 'new'} pass={editing} currency={currency} onDone={() => setEditing(null)} />
    </section>
  );
}

function PassForm({ pass, currency, onDone }: { pass: DayPassPrice | null; currency: string; onDone: () => void }) {
  const form = useChannelForm('dayPasses.savePrice', {
    defaultValues: { name: pass?.name ?? '', price: pass ? moneyInput(pass.priceMinor) : '', archived: pass?.archived ?? false },
    toInput: (v) => ({ id: pass?.id ?? null, name: v.name, priceMinor: parseMoney(v.price), archived: v.archived }),
    fieldOf: { priceMinor: 'price' },
    onSaved: (_r, _v, f) => {
      f.reset();
      onDone();
    },
  });
  return (
    <form className="form" aria-label={pass ? `Change ${pass.name}` : 'New day pass'} noValidate onSubmit={(e) => void form.submit(e)}>
      <div className="grid">
        <TextField label="Pass" placeholder="Day pass" error={form.errorOf('name')} {...form.register('name')} />
        <TextField label={`Price (${currency})`} inputMode="decimal" error={form.errorOf('price')} {...form.register('price')} />
      </div>
      {pass ? (
        <label className="checkbox-inline">
          <input type="checkbox" {...form.register('archived')} /> Archived: no longer sold
        </label>
      ) : null}
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit">{pass ? 'Save the pass' : 'Add the pass'}</button>
        {pass ? (
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        ) : null}
      </FormActions>
    </form>
  );
}
