import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { useChannelForm } from '../../components/useChannelForm';

/** Sets (first time) or changes the manager password that guards manager mode and kiosk exit. */
export function ManagerPasswordForm({ isSet }: { isSet: boolean }) {
  const { register, submit, errorOf, formError, saved } = useChannelForm('auth.setManagerPassword', {
    defaultValues: { current: '', password: '' },
    onSaved: (_status, _values, form) => form.reset(),
  });
  return (
    <form className="card form" aria-labelledby="password-title" noValidate onSubmit={(e) => void submit(e)}>
      <h2 id="password-title">Manager password</h2>
      <p className="muted small">Unlocks manager mode and leaves kiosk mode. {isSet ? '' : 'Not set yet: anyone at this screen is the manager.'}</p>
      <div className="grid">
        {isSet ? (
          <TextField label="Current password" type="password" autoComplete="current-password" error={errorOf('current')} {...register('current')} />
        ) : null}
        <TextField
          label={isSet ? 'New password' : 'Password'}
          type="password"
          autoComplete="new-password"
          error={errorOf('password')}
          hint="At least 8 characters"
          {...register('password')}
        />
      </div>
      <FormActions error={formError} saved={saved}>
        <button type="submit" className="button-primary">
          {isSet ? 'Change password' : 'Set password'}
        </button>
      </FormActions>
    </form>
  );
}
