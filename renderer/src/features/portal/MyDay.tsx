import { ActionNote } from '../../components/ActionNote';
import { useAction } from '../../components/useAction';
import { useSlot } from '../../feature';
import { useAuth } from '../auth';
import { CheckInOut, useCheckedIn } from '../frontdesk';

/** The portal's first screen: am I in, checking in and out with a tap, and what the features put on my day. */
export function MyDay() {
  const auth = useAuth();
  const member = auth.data?.member ?? null;
  const account = auth.data?.account;
  if (!member) {
    return (
      <div className="stack">
        <h1>Hello{account?.name ? `, ${account.name}` : ''}</h1>
        <p className="muted">The portal shows a member’s own things. Staff work at the front desk’s computer.</p>
      </div>
    );
  }
  return <MemberDay member={member} />;
}

function MemberDay({ member }: { member: { id: string; name: string } }) {
  const { message, act } = useAction();
  const parts = useSlot('portalHome');
  const inNow = useCheckedIn(member.id);
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Hello, {member.name}</h1>
        <div className="actions">
          <CheckInOut memberId={member.id} act={act} />
        </div>
      </header>
      <p className="muted small">{inNow ? 'You are checked in.' : 'Tap Check in when you arrive, or scan the QR code at the desk or on a room’s door.'}</p>
      <ActionNote message={message} />
      {parts.map((Part, i) => (
        <Part key={i} member={member} />
      ))}
    </div>
  );
}
