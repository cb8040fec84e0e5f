import { useState } from 'react';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { useAction } from '../../components/useAction';
import { useChannelForm } from '../../components/useChannelForm';

/** The co-op's own mail server: saved only when it answers; a test message; what could not be sent. */
export function MailSettings() {
  const current = useApi('mail.settings', {});
  if (!current.data) return null;
  return <MailForm key={current.data.host} initial={current.data} />;
}

function MailForm({ initial }: { initial: NonNullable<ReturnType<typeof useApi<'mail.settings'>>['data']> }) {
  const { message, act } = useAction();
  const [to, setTo] = useState('');
  const outbox = useApi('notifications.outbox', {});
  const form = useChannelForm('mail.save', {
    defaultValues: { host: initial.host, port: initial.port, secure: initial.secure, username: initial.username, password: '', sender: initial.sender },
  });
  return (
    <form className="card form" aria-labelledby="mail-title" noValidate onSubmit={(e) => void form.submit(e)}>
      <h2 id="mail-title">E-mail</h2>
      <p className="muted small">
        {initial.configured
          ? `Notifications and sign-in codes are e-mailed through ${initial.host}.`
          : 'Off: notifications stay in each person’s inbox. Give the co-op’s own mail server to e-mail them too.'}
      </p>
      <div className="grid">
        <TextField label="Mail server" placeholder="smtp.example.coop" error={form.errorOf('host')} {...form.register('host')} />
        <TextField label="Port" inputMode="numeric" hint="587 (STARTTLS) or 465 (TLS)" error={form.errorOf('port')} {...form.register('port')} />
        <TextField label="User name" autoComplete="off" error={form.errorOf('username')} {...form.register('username')} />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={initial.passwordSet ? 'Saved; leave blank to keep it' : undefined}
          error={form.errorOf('password')}
          {...form.register('password')}
        />
        <TextField label="From address" type="email" placeholder="desk@example.coop" error={form.errorOf('sender')} {...form.register('sender')} />
        <label className="checkbox-inline">
          <input type="checkbox" {...form.register('secure')} /> TLS from the start (port 465)
        </label>
      </div>
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit" className="button-primary">
          Check and save
        </button>
        {initial.configured ? (
          <button type="button" onClick={() => void act(() => call('mail.clear', {}), 'E-mail is off.')}>
            Turn e-mail off
          </button>
        ) : null}
      </FormActions>
      {initial.configured ? (
        <div className="inline-form">
          <TextField label="Send a test message to" type="email" value={to} onChange={(e) => setTo(e.target.value)} />
          <button type="button" onClick={() => void act(() => call('mail.test', { to }), `Sent to ${to}.`)}>
            Send test
          </button>
        </div>
      ) : null}
      {outbox.data && (outbox.data.failed > 0 || outbox.data.pending > 0) ? (
        <div role="status" className={outbox.data.failed ? 'form-error' : 'notice'}>
          {outbox.data.pending ? `${outbox.data.pending} waiting to be sent. ` : ''}
          {outbox.data.failed ? `${outbox.data.failed} could not be sent: ${outbox.data.recent[0]?.error ?? ''}` : ''}
          {outbox.data.failed ? (
            <button type="button" onClick={() => void act(() => call('notifications.retry', {}), 'Trying again.')}>
              Try again
            </button>
          ) : null}
        </div>
      ) : null}
      <ActionNote message={message} />
    </form>
  );
}
