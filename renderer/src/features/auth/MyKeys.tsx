import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { useChannelForm } from '../../components/useChannelForm';
import { useAuth } from './useAuth';

/** On the member's own profile: their password, and the PIN they use at the kiosk; each needs the current password. */
export function MyKeys() {
  const auth = useAuth();
  const password = useChannelForm('auth.changePassword', { defaultValues: { current: '', password: '' }, onSaved: (_s, _v, f) => f.reset() });
  const pin = useChannelForm('auth.setMyPin', { defaultValues: { current: '', pin: '' }, onSaved: (_s, _v, f) => f.reset() });
  if (!auth.data?.account) return null;
  return (
    <>
      <form className="card form" aria-labelledby="my-password-title" noValidate onSubmit={(e) => void password.submit(e)}>
        <h2 id="my-password-title">Password</h2>
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
          hint="At least 8 characters"
          error={password.errorOf('password')}
          {...password.register('password')}
        />
        <FormActions error={password.formError} saved={password.saved}>
          <button type="submit" className="button-primary">
            Change password
          </button>
        </FormActions>
      </form>
      {auth.data.member ? (
        <form className="card form" aria-labelledby="my-pin-title" noValidate onSubmit={(e) => void pin.submit(e)}>
          <h2 id="my-pin-title">Kiosk PIN</h2>
          <p className="muted small">What you type at the co-op’s kiosk screen with your member number.</p>
          <TextField label="Your password" type="password" autoComplete="current-password" error={pin.errorOf('current')} {...pin.register('current')} />
          <TextField label="New PIN" type="password" inputMode="numeric" autoComplete="off" error={pin.errorOf('pin')} {...pin.register('pin')} />
          <FormActions error={pin.formError} saved={pin.saved}>
            <button type="submit" className="button-primary">
              Set PIN
            </button>
          </FormActions>
        </form>
      ) : null}
    </>
  );
}
