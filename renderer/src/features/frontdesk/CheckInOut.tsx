import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import type { Act } from '../../components/useAction';

/** Whether a member is in now (null while it is being read). */
export function useCheckedIn(memberId: string): boolean | null {
  const presence = useApi('frontdesk.presence', { memberId, limit: 1 });
  if (!presence.data) return null;
  return Boolean(presence.data[0] && !presence.data[0].checkedOutAt);
}

/** A member checking themselves in or out with one tap (the kiosk, the portal); how it went is told through `act`. */
export function CheckInOut({ memberId, act }: { memberId: string; act: Act }) {
  const inNow = useCheckedIn(memberId);
  if (inNow === null) return null;
  return inNow ? (
    <button type="button" onClick={() => void act(() => call('frontdesk.checkOut', { memberId }), 'Checked out. See you soon!')}>
      Check out
    </button>
  ) : (
    <button type="button" className="button-primary" onClick={() => void act(() => call('frontdesk.checkIn', { memberId }), 'Checked in. Welcome!')}>
      Check in
    </button>
  );
}
