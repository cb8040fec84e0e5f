import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiCallError, call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';

/** Leaves kiosk mode: the manager password, checked in the main process. */
export function UnlockDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <Dialog title="Manager mode" onClose={onClose}>
      <form
        className="dialog-body form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await call('auth.unlock', { password });
            await queryClient.invalidateQueries();
            onClose();
          } catch (err) {
            if (!(err instanceof ApiCallError)) throw err;
            setError(err.fields.password ?? err.message);
          }
        }}
      >
        <TextField label="Manager password" type="password" autoFocus autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={error} />
        <div className="actions">
          <button type="submit" className="button-primary">
            Unlock
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
