import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { useChannelForm } from '../../components/useChannelForm';

/** Leaves kiosk mode: the manager password, checked in the main process. */
export function UnlockDialog({ onClose }: { onClose: () => void }) {
  const { register, submit, errorOf, formError } = useChannelForm('auth.unlock', {
    defaultValues: { password: '' },
    fallbackField: 'password',
    onSaved: onClose,
  });
  return (
    <Dialog title="Manager mode" onClose={onClose}>
      <form className="dialog-body form" noValidate onSubmit={(e) => void submit(e)}>
        <TextField label="Manager password" type="password" autoFocus autoComplete="current-password" error={errorOf('password')} {...register('password')} />
        <FormActions error={formError}>
          <button type="submit" className="button-primary">
            Unlock
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </FormActions>
      </form>
    </Dialog>
  );
}
