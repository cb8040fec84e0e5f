import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { Link, Route, Switch } from 'wouter';
import { call } from '../../api/client';
import { TextField } from '../../components/Field';
import { ActionNote } from '../../components/ActionNote';
import { useAction } from '../../components/useAction';
import { useChannelForm } from '../../components/useChannelForm';
import { useFeatures, useSlot } from '../../feature';
import { SignInDialog } from './SignInDialog';
import { useAuth } from './useAuth';
import { useKioskIdle } from './useKioskIdle';
import { CheckInOut } from '../frontdesk';

/** Members serve themselves: identify with number (or name) and PIN, then book, check in or out, see their bookings. */
export function KioskApp() {
  const auth = useAuth();
  const features = useFeatures();
  const [unlocking, setUnlocking] = useState(false);
  const member = auth.data?.member ?? null;
  const secondsLeft = useKioskIdle(member !== null);
  return (
    <div className="kiosk">
      {secondsLeft !== null ? (
        <div className="kiosk-countdown" role="status">
          Signing out in {secondsLeft} s — touch the screen to stay
        </div>
      ) : null}
      <header className="kiosk-header">
        <span className="brand-name">Coopdesk</span>
        <span className="muted">Self-service</span>
        {member ? <KioskShellParts /> : null}
        {member ? (
          <nav aria-label="Kiosk" className="kiosk-nav">
            <Link href="/">Home</Link>
            {features.flatMap((f) =>
              f.kiosk?.nav
                ? [
                    <Link key={f.name} href={f.kiosk.nav.href}>
                      {f.kiosk.nav.label}
                    </Link>,
                  ]
                : [],
            )}
          </nav>
        ) : null}
        {auth.data?.account ? null : (
          <button type="button" className="kiosk-manager" onClick={() => setUnlocking(true)}>
            Sign in
          </button>
        )}
      </header>
      <main id="main" className="kiosk-main">
        {member ? (
          <Suspense fallback={<div className="page" aria-busy="true" />}>
            <Switch>
              {features
                .flatMap((f) => f.kiosk?.routes ?? [])
                .map((r) => (
                  <Route key={r.path} path={r.path}>
                    {(params) => r.render(params)}
                  </Route>
                ))}
              <Route>{() => <MemberHome member={member} />}</Route>
            </Switch>
          </Suspense>
        ) : (
          <Identify />
        )}
      </main>
      {unlocking ? <SignInDialog onClose={() => setUnlocking(false)} /> : null}
    </div>
  );
}

function Identify() {
  const { register, submit, errorOf, setValue } = useChannelForm('auth.identify', { defaultValues: { who: '', pin: '' }, fallbackField: 'pin' });
  return (
    <form
      className="card kiosk-card form"
      aria-labelledby="identify-title"
      noValidate
      onSubmit={async (e) => {
        await submit(e);
        // Whatever happened, the PIN is not left on a shared screen.
        setValue('pin', '');
      }}
    >
      <h1 id="identify-title">Welcome — who are you?</h1>
      <TextField label="Member number or name" autoFocus autoComplete="off" error={errorOf('who')} {...register('who')} />
      <TextField label="PIN" type="password" inputMode="numeric" autoComplete="off" error={errorOf('pin')} {...register('pin')} />
      <button type="submit" className="button-primary">
        Continue
      </button>
    </form>
  );
}

function MemberHome({ member }: { member: { id: string; name: string } }) {
  const queryClient = useQueryClient();
  const { message, act } = useAction();
  const parts = useSlot('kioskHome');

  return (
    <div className="stack kiosk-home">
      <header className="page-header">
        <h1>Hello, {member.name}</h1>
        <div className="actions">
          <CheckInOut memberId={member.id} act={act} />
          <button type="button" onClick={() => void call('auth.signOut', {}).then(() => queryClient.invalidateQueries())}>
            Sign out
          </button>
        </div>
      </header>
      <ActionNote message={message} />
      {parts.map((Part, i) => (
        <Part key={i} member={member} />
      ))}
    </div>
  );
}

/** The features' parts of the kiosk's header (the bell) for the member identified. */ function KioskShellParts() {
  return (
    <span className="shell-parts">
      {useSlot('shell').map((Part, i) => (
        <Part key={i} />
      ))}
    </span>
  );
}
