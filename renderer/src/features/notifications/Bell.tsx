import { Link } from 'wouter';
import { useApi } from '../../api/hooks';
import { useAuth } from '../auth';

/** The bell: the signed-in person's unread count, kept live; opens the inbox. */
export function Bell() {
  const auth = useAuth();
  const signedIn = Boolean(auth.data?.account || auth.data?.member);
  const unread = useApi('notifications.unread', {}, { enabled: signedIn }).data?.unread ?? 0;
  if (!signedIn) return null;
  return (
    <Link href="/inbox" className="bell" aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}>
      <svg
        aria-hidden="true"
        width="18"
        height="18"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread ? (
        <span className="bell-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
