import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { contract } from '@shared/contract';
import { WEEKDAYS } from '@shared/contract/settings.contract';
import { ApiCallError, call } from '../../api/client';
import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { useChannelForm } from '../../components/useChannelForm';
import { ZoneField } from './ZoneField';

const machineZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

interface SetUpValues {
  coopName: string;
  currency: string;
  timeZone: string;
  opens: string;
  closes: string;
  openDays: number[];
  managerName: string;
  managerEmail: string;
  managerPassword: string;
}

/**
 * The first screen of a new install: look around a demo co-op, or set up your own in one short
 * form (the co-op, its one time zone, its hours, and your own manager account, which the kiosk needs).
 */
export function WelcomePage() {
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [demo, setDemo] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const { register, submit, errorOf, formError, formState, setError, watch, setValue } = useChannelForm<SetUpValues, 'settings.setUp'>('settings.setUp', {
    defaultValues: {
      coopName: '',
      currency: 'EUR',
      timeZone: machineZone(),
      opens: '08:00',
      closes: '18:00',
      openDays: [1, 2, 3, 4, 5],
      managerName: '',
      managerEmail: '',
      managerPassword: '',
    },
    // the account goes to its own channel, after the set-up; never with it (commands are audited)
    toInput: ({ managerName: _n, managerEmail: _e, managerPassword: _p, ...setUp }) => setUp,
    onSaved: async (_settings, values) => {
      if (values.managerPassword) await call('auth.setUp', { name: values.managerName, email: values.managerEmail, password: values.managerPassword });
      await queryClient.invalidateQueries();
      navigate('/today');
    },
  });
  const days = watch('openDays');

  async function loadDemo() {
    setDemo({ busy: true, error: null });
    try {
      await call('system.loadDemo', {});
      await queryClient.invalidateQueries();
      navigate('/today');
    } catch (error) {
      setDemo({ busy: false, error: error instanceof ApiCallError ? error.message : 'The demo could not be loaded.' });
    }
  }

  return (
    <section className="page welcome" aria-labelledby="welcome-title">
      <header className="page-header">
        <div>
          <h1 id="welcome-title">Welcome to Coopdesk</h1>
          <p className="subtitle">The front desk and the co-op in one place. Two ways to start:</p>
        </div>
      </header>
      <div className="welcome-grid">
        <div className="card" role="region" aria-labelledby="demo-title">
          <h2 id="demo-title">Look around a demo co-op</h2>
          <p>
            Millbrook Works: 36 members with their offers and needs, rooms, desks and shared equipment with six weeks of bookings, and joint bids at every
            stage. Best in a data folder of its own: a co-op starts again from an empty one.
          </p>
          <FormActions error={demo.error}>
            <button type="button" className="button-primary" disabled={demo.busy} onClick={() => void loadDemo()}>
              Load the demo co-op
            </button>
          </FormActions>
        </div>
        <form
          className="card form"
          aria-labelledby="setup-title"
          noValidate
          onSubmit={(e) => {
            const account = { name: watch('managerName'), email: watch('managerEmail'), password: watch('managerPassword') };
            const check = contract['auth.setUp'].input.safeParse(account);
            if ((account.name || account.password) && !check.success) {
              e.preventDefault();
              const field = ({ name: 'managerName', email: 'managerEmail', password: 'managerPassword' } as const)[
                String(check.error.issues[0]?.path[0]) as 'name'
              ];
              setError(field ?? 'managerPassword', { message: check.error.issues[0]?.message ?? 'Not usable' });
              return;
            }
            void submit(e);
          }}
        >
          <h2 id="setup-title">Set up your own co-op</h2>
          <div className="grid">
            <TextField label="Co-op name" autoComplete="organization" error={errorOf('coopName')} {...register('coopName')} />
            <TextField label="Currency" hint="Three letters, e.g. GBP, EUR" maxLength={3} error={errorOf('currency')} {...register('currency')} />
            <ZoneField hint="Of the co-op and its site; this computer's by default" error={errorOf('timeZone')} {...register('timeZone')} />
            <TextField label="Opens at" hint="24-hour, e.g. 08:00" inputMode="numeric" error={errorOf('opens')} {...register('opens')} />
            <TextField label="Closes at" hint="24-hour, e.g. 18:00" inputMode="numeric" error={errorOf('closes')} {...register('closes')} />
            <TextField
              label="Your name"
              hint="Your manager account; can be made later in Settings"
              autoComplete="name"
              error={errorOf('managerName')}
              {...register('managerName')}
            />
            <TextField
              label="Your e-mail"
              type="email"
              autoComplete="email"
              hint="Optional: to sign in with, and for a forgotten password"
              error={errorOf('managerEmail')}
              {...register('managerEmail')}
            />
            <TextField
              label="Your password"
              type="password"
              autoComplete="new-password"
              hint="At least 8 characters; the kiosk needs a staff sign-in"
              error={errorOf('managerPassword')}
              {...register('managerPassword')}
            />
          </div>
          <fieldset className="weekday-picker" aria-describedby={errorOf('openDays') ? 'open-days-error' : undefined}>
            <legend>Open on</legend>
            {WEEKDAYS.map((name, i) => (
              <label key={name} className="checkbox-inline">
                <input
                  type="checkbox"
                  checked={days.includes(i + 1)}
                  onChange={(e) => setValue('openDays', e.target.checked ? [...days, i + 1].sort() : days.filter((d) => d !== i + 1), { shouldDirty: true })}
                />{' '}
                {name}
              </label>
            ))}
            {errorOf('openDays') ? (
              <p className="field-error" id="open-days-error" role="alert">
                {errorOf('openDays')}
              </p>
            ) : null}
          </fieldset>
          <FormActions error={formError}>
            <button type="submit" className="button-primary" disabled={formState.isSubmitting}>
              Start
            </button>
          </FormActions>
        </form>
      </div>
    </section>
  );
}
