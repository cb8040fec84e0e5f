import { useQueryClient } from '@tanstack/react-query';
import { ROLE_NAMES } from '@shared/contract/auth.contract';
import { call } from '../../api/client';
import { ActionNote } from '../../components/ActionNote';
import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { useAction } from '../../components/useAction';
import { useChannelForm } from '../../components/useChannelForm';
import { useAuth } from './useAuth';

/** Your own account: who you are signed in as, your password, and signing out everywhere; or, on a new install, the first manager account. */
export function AccountSettings() {
  const auth = useAuth();
  if (!auth.data) return null;
  if (!auth.data.account) return auth.data.staffAccounts ? <p className="muted">This screen is not signed in with an account.</p> : <FirstManager />;
  return <YourAccount />;
}

function FirstManager() {
  const { register, submit, errorOf, formError } = useChannelForm('auth.setUp', { defaultValues: { name: '', email: '', password: '' } });
  return (
    <form className="card form" aria-labelledby="first-manager-title" noValidate onSubmit={(e) => void submit(e)}>
      <h2 id="first-manager-title">Your manager account</h2>
      <p className="muted small">Not made yet: anyone at this screen is the manager. With it, the desk signs in and the kiosk can be used.</p>
      <div className="grid">
        <TextField label="Your name" autoComplete="name" error={errorOf('name')} {...register('name')} />
        <TextField label="Your e-mail" type="email" autoComplete="email" hint="Optional" error={errorOf('email')} {...register('email')} />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters"
          error={errorOf('password')}
          {...register('password')}
        />
      </div>
      <FormActions error={formError}>
        <button type="submit" className="button-primary">
          Create my account
        </button>
      </FormActions>
    </form>
  );
}

function YourAccount() {
  const auth = useAuth();
  const queryClient = useQueryClient();
  const { message, act } = useAction();
  const account = auth.data!.account!;
  const password = useChannelForm('auth.changePassword', { defaultValues: { current: '', password: '' }, onSaved: (_s, _v, form) => form.reset() });
  return (
    <div className="stack">
      <form className="card form" aria-labelledby="password-title" noValidate onSubmit={(e) => void password.submit(e)}>
        <h2 id="password-title">Your account</h2>
        <p className="muted small">
          Signed in as <strong>{account.name || 'the manager'}</strong> ({ROLE_NAMES[account.role] ?? account.role}){account.email ? `, ${account.email}` : ''}.
        </p>
        <div className="grid">
          <TextField
            label="Current password"
            type="password"
            autoComplete="current-password"
            error={password.errorOf('current')}
            {...password.register('current')}
          />
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            hint="At least 8 characters; your other sessions end"
            error={password.errorOf('password')}
            {...password.register('password')}
          />
        </div>
        <FormActions error={password.formError} saved={password.saved}>
          <button type="submit" className="button-primary">
            Change password
          </button>
          <button
            type="button"
            onClick={() => void act(() => call('auth.signOutEverywhere', {}).then(() => queryClient.invalidateQueries()), 'Signed out everywhere.')}
          >
            Sign out everywhere
          </button>
        </FormActions>
        <ActionNote message={message} />
      </form>
    </div>
  );
}

/** Asked once, after the shared manager password of an earlier version became her account. */
export function NameYourself() {
  const { register, submit, errorOf, formError } = useChannelForm('auth.updateMe', { defaultValues: { name: '', email: '' } });
  return (
    <form className="card form" aria-labelledby="name-title" noValidate onSubmit={(e) => void submit(e)}>
      <h2 id="name-title">Who are you?</h2>
      <p className="muted small">The manager password is now your own account. Your name goes on what you do in the audit log; asked once.</p>
      <div className="grid">
        <TextField label="Your name" autoFocus autoComplete="name" error={errorOf('name')} {...register('name')} />
        <TextField label="Your e-mail" type="email" autoComplete="email" hint="Optional" error={errorOf('email')} {...register('email')} />
      </div>
      <FormActions error={formError}>
        <button type="submit" className="button-primary">
          Save
        </button>
      </FormActions>
    </form>
  );
}
