import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { useChannelForm } from '../../components/useChannelForm';

/** Signing in as oneself (staff leave the kiosk this way; members see their own things), or with a one-time code from the desk. */
export function SignInDialog({ onClose }: { onClose: () => void }) {
  const [step, setStep] = useState<'password' | 'code' | 'forgot'>('password');
  const titles = { password: 'Sign in', code: 'Sign in with a one-time code', forgot: 'Forgot your password?' };
  return (
    <Dialog title={titles[step]} onClose={onClose}>
      {step === 'code' ? <CodeForm onDone={onClose} onBack={() => setStep('password')} /> : null}
      {step === 'forgot' ? <ForgotForm onCode={() => setStep('code')} /> : null}
      {step === 'password' ? <PasswordForm onDone={onClose} onCode={() => setStep('code')} onForgot={() => setStep('forgot')} /> : null}
    </Dialog>
  );
}

/** A code by e-mail where the co-op sends e-mail; the answer never says whether the address has an account. */
function ForgotForm({ onCode }: { onCode: () => void }) {
  const [sent, setSent] = useState<string | null>(null);
  const { register, submit, errorOf, formError } = useChannelForm('auth.requestReset', { defaultValues: { email: '' }, onSaved: (r) => setSent(r.message) });
  return (
    <form className="dialog-body form" noValidate onSubmit={(e) => void submit(e)}>
      <TextField label="Your e-mail" type="email" autoFocus autoComplete="email" error={errorOf('email')} {...register('email')} />
      {sent ? (
        <p role="status" className="notice">
          {sent}
        </p>
      ) : null}
      <FormActions error={formError}>
        <button type="submit" className="button-primary">
          Send me a code
        </button>
        <button type="button" onClick={onCode}>
          I have a code
        </button>
      </FormActions>
    </form>
  );
}

function PasswordForm({ onDone, onCode, onForgot }: { onDone: () => void; onCode: () => void; onForgot: () => void }) {
  const { register, submit, errorOf, formError } = useChannelForm('auth.signIn', {
    defaultValues: { who: '', password: '' },
    fallbackField: 'password',
    onSaved: onDone,
  });
  return (
    <form className="dialog-body form" noValidate onSubmit={(e) => void submit(e)}>
      <TextField label="E-mail or name" autoFocus autoComplete="username" error={errorOf('who')} {...register('who')} />
      <TextField label="Password" type="password" autoComplete="current-password" error={errorOf('password')} {...register('password')} />
      <FormActions error={formError}>
        <button type="submit" className="button-primary">
          Sign in
        </button>
        <button type="button" onClick={onCode}>
          I have a code
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="button" className="link-button" onClick={onForgot}>
          Forgot your password?
        </button>
      </FormActions>
    </form>
  );
}

function CodeForm({ onDone, onBack }: { onDone: () => void; onBack: () => void }) {
  const { register, submit, errorOf, formError } = useChannelForm('auth.redeemCode', {
    defaultValues: { code: '', password: '' },
    fallbackField: 'code',
    onSaved: onDone,
  });
  return (
    <form className="dialog-body form" noValidate onSubmit={(e) => void submit(e)}>
      <p className="muted small">The front desk gave you a code, or it came by e-mail. It works once: choose your password with it.</p>
      <TextField
        label="One-time code"
        autoFocus
        autoComplete="one-time-code"
        hint="8 letters and digits, e.g. K7F2-9QXD"
        error={errorOf('code')}
        {...register('code')}
      />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters"
        error={errorOf('password')}
        {...register('password')}
      />
      <FormActions error={formError}>
        <button type="submit" className="button-primary">
          Set password and sign in
        </button>
        <button type="button" onClick={onBack}>
          Back
        </button>
      </FormActions>
    </form>
  );
}
