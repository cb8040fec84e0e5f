import { useState } from 'react';
import { Qr } from '../../components/Qr';
import { type IssuedCode, ROLE_NAMES } from '@shared/contract/auth.contract';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { SelectField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { SimpleTable } from '../../components/SimpleTable';
import { formatDateTime } from '../../components/format';
import { useAction } from '../../components/useAction';
import { useChannelForm } from '../../components/useChannelForm';
import { useSiteZone } from '../../components/useSiteZone';

/** Shown once: the code a person sets her password with (only its hash is kept). */
export function CodeNote({ issued }: { issued: IssuedCode }) {
  const zone = useSiteZone();
  return (
    <div role="status" className="notice code-note">
      <p>
        One-time code for {issued.name}: <strong className="code">{issued.code}</strong> — works once, until {formatDateTime(issued.expiresAt, zone)}. They
        enter it under “Sign in → I have a code”. It is not shown again.
      </p>
      {issued.link ? (
        <p>
          On their phone: scan this, or open <a href={issued.link}>{issued.link}</a> (the member portal, with the code filled in).
          <Qr text={issued.link} label={`Sign-in link for ${issued.name}`} />
        </p>
      ) : null}
    </div>
  );
}

/** Staff accounts (and members who have one): add staff, hand out codes, disable, sign out everywhere. */
export function StaffAccounts() {
  const accounts = useApi('accounts.list', {});
  const zone = useSiteZone();
  const { message, act } = useAction();
  const [issued, setIssued] = useState<IssuedCode | null>(null);
  const form = useChannelForm('accounts.createStaff', {
    defaultValues: { name: '', email: '', role: 'frontdesk' as const },
    onSaved: (code, _v, f) => {
      setIssued(code);
      f.reset();
    },
  });
  return (
    <section className="card stack" aria-labelledby="staff-title">
      <h2 id="staff-title">Staff and accounts</h2>
      <p className="muted small">Everyone signs in as themselves: the audit log names who did what. A new person gets a one-time code to choose a password.</p>
      <SimpleTable
        label="Accounts"
        rows={accounts.data ?? []}
        rowKey={(a) => a.id}
        columns={[
          { header: 'Name', cell: (a) => a.name || 'The manager (no name yet)' },
          { header: 'Role', cell: (a) => ROLE_NAMES[a.role] ?? a.role },
          { header: 'E-mail', cell: (a) => a.email || '—' },
          { header: 'State', cell: (a) => (a.disabled ? 'Disabled' : a.passwordSet ? 'Active' : 'Invited') },
          { header: 'Last sign-in', cell: (a) => (a.lastSignInAt ? formatDateTime(a.lastSignInAt, zone) : '—') },
          {
            header: <span className="visually-hidden">Actions</span>,
            cell: (a) => (
              <span className="row-actions">
                <button
                  type="button"
                  onClick={() => void act(async () => setIssued(await call('accounts.issueCode', { accountId: a.id })), 'A new code is shown above.')}
                >
                  New code
                </button>
                <button
                  type="button"
                  onClick={() => void act(() => call('accounts.setDisabled', { id: a.id, disabled: !a.disabled }), a.disabled ? 'Enabled.' : 'Disabled.')}
                >
                  {a.disabled ? 'Enable' : 'Disable'}
                </button>
                <button
                  type="button"
                  aria-label={`End every session of ${a.name || 'the manager'}`}
                  onClick={() => void act(() => call('accounts.signOutEverywhere', { id: a.id }), `${a.name} is signed out everywhere.`)}
                >
                  End sessions
                </button>
              </span>
            ),
          },
        ]}
      />
      {issued ? <CodeNote issued={issued} /> : null}
      <ActionNote message={message} />
      <form className="form" aria-labelledby="add-staff-title" noValidate onSubmit={(e) => void form.submit(e)}>
        <h3 id="add-staff-title">Add a staff member</h3>
        <div className="grid">
          <TextField label="Name" autoComplete="off" error={form.errorOf('name')} {...form.register('name')} />
          <TextField
            label="E-mail"
            type="email"
            autoComplete="off"
            hint="Optional; the code is e-mailed where the co-op sends e-mail"
            error={form.errorOf('email')}
            {...form.register('email')}
          />
          <SelectField
            label="Role"
            error={form.errorOf('role')}
            options={[
              ['frontdesk', 'Front desk — the day’s work'],
              ['manager', 'Manager — also settings, restore and security'],
            ]}
            {...form.register('role')}
          />
        </div>
        <FormActions error={form.formError}>
          <button type="submit" className="button-primary">
            Add and make a code
          </button>
        </FormActions>
      </form>
    </section>
  );
}
