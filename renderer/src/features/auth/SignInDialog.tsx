import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { useChannelForm } from '../../components/useChannelForm';

type Step = 'password' | 'code' | 'forgot';
const TITLES: Record<Step, string> = { password: 'Sign in', code: 'Sign in with a one-time code', forgot: 'Forgot your password?' };

/** Signing in as oneself (staff leave the kiosk this way; members see their own things), or with a one-time code from the desk. */
export function SignInDialog({ onClose }: { onClose: () => void }) {
  const [step, setStep] = useState<Step>('password');
  return (
    <Dialog title={TITLES[step]} onClose={onClose}>
      <SignInSteps step={step} setStep={setStep} onDone={onClose} onCancel={onClose} />
    </Dialog>
  );
}

/** The member portal's sign-in: a page of its own; a sign-in link from the desk opens it with its code filled in. */
export function SignInPage({ code }: { code?: string }) {
  const [step, setStep] = useState<Step>(code ? 'code' : 'password');
  return (
    <section className="card portal-sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{TITLES[step]}</h1>
      <SignInSteps step={step} setStep={setStep} onDone={() => undefined} code={code} />
    </section>
  );
}

function SignInSteps({
  step,
  setStep,
  onDone,
  onCancel,
  code,
}: {
  step: Step;
  setStep: (s: Step) => void;
  onDone: () => void;
  onCancel?: () => void;
  code?: string;
}) {
  if (step === 'code') return <CodeForm onDone={onDone} onBack={() => setStep('password')} code={code} />;
  if (step === 'forgot') return <ForgotForm onCode={() => setStep('code')} />;
  return <PasswordForm onDone={onDone} onCancel={onCancel} onCode={() => setStep('code')} onForgot={() => setStep('forgot')} />;
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

function PasswordForm({ onDone, onCancel, onCode, onForgot }: { onDone: () => void; onCancel?: () => void; onCode: () => void; onForgot: () => void }) {
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
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="button" className="link-button" onClick={onForgot}>
          Forgot your password?
        </button>
      </FormActions>
    </form>
  );
}

function CodeForm({ onDone, onBack, code = '' }: { onDone: () => void; onBack: () => void; code?: string }) {
  const { register, submit, errorOf, formError } = useChannelForm('auth.redeemCode', {
    defaultValues: { code, password: '' },
    fallbackField: 'code',
    onSaved: onDone,
  });
  return (
    <form className="dialog-body form" noValidate onSubmit={(e) => void submit(e)}>
      <p className="muted small">The front desk gave you a code, or it came by e-mail. It works once: choose your password with it.</p>
      <TextField
        label="One-time code"
        autoFocus={!code}
        autoComplete="one-time-code"
        hint="8 letters and digits, e.g. K7F2-9QXD"
        error={errorOf('code')}
        {...register('code')}
      />
      <TextField
        label="New password"
        autoFocus={Boolean(code)}
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
