import { useState } from 'react';
import type { PortalSettings as Settings } from '@shared/contract/portal.contract';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { Qr } from '../../components/Qr';
import { useAction } from '../../components/useAction';
import { useChannelForm } from '../../components/useChannelForm';
import { formatDate } from '../../components/format';
import { CheckInCodes } from './CheckInCodes';

/** Settings → Member portal: on or off, where it listens, its certificate, and what members scan. */
export function PortalSettings() {
  const current = useApi('portal.settings', {});
  if (!current.data) return null;
  return <PortalForm key={`${current.data.address}:${current.data.port}:${current.data.enabled}`} initial={current.data} />;
}

function PortalForm({ initial }: { initial: Settings }) {
  const { message, act } = useAction();
  const [ownCert, setOwnCert] = useState(false);
  const form = useChannelForm('portal.save', {
    defaultValues: { enabled: initial.enabled, address: initial.address || initial.addresses[0]?.address || '', port: initial.port },
  });
  const addresses = initial.addresses.map((a) => [a.address, `${a.address} (${a.name})`] as const);
  return (
    <section className="card stack" aria-labelledby="portal-title">
      <h2 id="portal-title">Member portal</h2>
      <p className="muted small">
        Members use the co-op from their own phones and laptops on the co-op’s network: their day, booking, the directory, bids and notifications. Manager
        screens stay on this computer.
      </p>
      <form className="form" noValidate onSubmit={(e) => void form.submit(e)}>
        <div className="grid">
          <SelectField
            label="Network address"
            hint={addresses.length ? 'Where members’ devices reach this computer' : 'This computer is on no network now'}
            options={addresses.length ? addresses : [['', 'No network address']]}
            error={form.errorOf('address')}
            {...form.register('address')}
          />
          <TextField label="Port" inputMode="numeric" hint="8443 unless it is taken" error={form.errorOf('port')} {...form.register('port')} />
          <label className="checkbox-inline">
            <input type="checkbox" {...form.register('enabled')} /> Serve the member portal
          </label>
        </div>
        <FormActions error={form.formError} saved={form.saved}>
          <button type="submit" className="button-primary">
            Save
          </button>
        </FormActions>
      </form>
      <Status settings={initial} />
      {initial.certificate ? (
        <p className="small">
          Certificate: {initial.certificate.own ? 'the co-op’s own' : 'made by Coopdesk (phones ask once to trust it: compare the fingerprint)'}, valid until{' '}
          {formatDate(initial.certificate.validTo.slice(0, 10))}.
          <br />
          Fingerprint (SHA-256): <code className="fingerprint">{initial.certificate.fingerprint}</code>
        </p>
      ) : null}
      <div className="actions">
        <button type="button" onClick={() => setOwnCert(!ownCert)} aria-expanded={ownCert}>
          Use the co-op’s own certificate
        </button>
        {initial.certificate ? (
          <button type="button" onClick={() => void act(() => call('portal.makeCertificate', {}), 'A new certificate is in use.')}>
            Make a new certificate
          </button>
        ) : null}
      </div>
      <ActionNote message={message} />
      {ownCert ? <OwnCertificate onDone={() => setOwnCert(false)} /> : null}
      {initial.running ? <CheckInCodes /> : null}
    </section>
  );
}

function Status({ settings }: { settings: Settings }) {
  if (settings.problem) {
    return (
      <p role="alert" className="form-error">
        {settings.problem}
      </p>
    );
  }
  if (!settings.running || !settings.url) return <p className="muted">Off.</p>;
  return (
    <div className="portal-address">
      <Qr text={settings.url} label={`The member portal’s address, ${settings.url}`} />
      <p>
        Running at <a href={settings.url}>{settings.url}</a>. Members scan this, or type the address.
      </p>
    </div>
  );
}

function OwnCertificate({ onDone }: { onDone: () => void }) {
  const form = useChannelForm('portal.useCertificate', { defaultValues: { cert: '', key: '' }, onSaved: onDone });
  return (
    <form className="form" aria-label="The co-op’s own certificate" noValidate onSubmit={(e) => void form.submit(e)}>
      <TextAreaField label="Certificate (PEM)" rows={5} spellCheck={false} error={form.errorOf('cert')} {...form.register('cert')} />
      <TextAreaField label="Private key (PEM)" rows={5} spellCheck={false} error={form.errorOf('key')} {...form.register('key')} />
      <FormActions error={form.formError}>
        <button type="submit" className="button-primary">
          Use this certificate
        </button>
      </FormActions>
    </form>
  );
}
