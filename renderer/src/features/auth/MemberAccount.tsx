import { useState } from 'react';
import type { IssuedCode } from '@shared/contract/auth.contract';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { useAction } from '../../components/useAction';
import { CodeNote } from './StaffAccounts';

/** On a member's page: whether they sign in as themselves, and a one-time code the desk hands them to set (or reset) their password. */
export function MemberAccount({ memberId }: { memberId: string }) {
  const accounts = useApi('accounts.list', {});
  const { message, act } = useAction();
  const [issued, setIssued] = useState<IssuedCode | null>(null);
  const account = accounts.data?.find((a) => a.memberId === memberId);
  const state = !account
    ? 'No account yet'
    : account.disabled
      ? 'Account disabled'
      : account.passwordSet
        ? 'Signs in as themselves'
        : 'Invited: has not set a password yet';
  return (
    <section className="card" aria-labelledby="member-account-title">
      <h2 id="member-account-title">Sign-in</h2>
      <p className="muted small">{state}. With an account, a member sees their own bookings, bids and notifications when signed in.</p>
      <button type="button" onClick={() => void act(async () => setIssued(await call('accounts.issueCode', { memberId })), 'A one-time code is shown below.')}>
        {account?.passwordSet ? 'Make a code to reset the password' : 'Make a one-time sign-in code'}
      </button>
      <ActionNote message={message} />
      {issued ? <CodeNote issued={issued} /> : null}
    </section>
  );
}
