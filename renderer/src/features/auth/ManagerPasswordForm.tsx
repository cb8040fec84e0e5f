import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiCallError, call } from '../../api/client';
import { TextField } from '../../components/Field';

/** Sets (first time) or changes the manager password that guards manager mode and kiosk exit. */
export function ManagerPasswordForm({ isSet }: { isSet: boolean }) {
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="card form"
      aria-labelledby="password-title"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(false);
        try {
          await call('auth.setManagerPassword', { current, password });
          setErrors({});
          setCurrent('');
          setPassword('');
          setSaved(true);
          await queryClient.invalidateQueries();
        } catch (err) {
          if (!(err instanceof ApiCallError)) throw err;
          setErrors(err.fields);
        }
      }}
    >
      <h2 id="password-title">Manager password</h2>
      <p className="muted small">Unlocks manager mode and leaves kiosk mode. {isSet ? '' : 'Not set yet: anyone at this screen is the manager.'}</p>
      <div className="grid">
        {isSet ? <TextField label="Current password" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} error={errors.current} /> : null}
        <TextField label={isSet ? 'New password' : 'Password'} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} error={errors.password} hint="At least 8 characters" />
      </div>
      <div className="actions">
        <button type="submit" className="button-primary">
          {isSet ? 'Change password' : 'Set password'}
        </button>
        {saved ? (
          <p className="saved" role="status">
            Saved.
          </p>
        ) : null}
      </div>
    </form>
  );
}
