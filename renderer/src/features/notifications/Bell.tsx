import { Link } from 'wouter';
import { useApi } from '../../api/hooks';

/** The bell: the signed-in person's unread count, kept live; opens the inbox. */
export function Bell() {
  const unread = useApi('notifications.unread', {}).data?.unread ?? 0;
  return (
    <Link href="/inbox" className="bell" aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}>
      <span aria-hidden="true">🔔</span>
      {unread ? (
        <span className="bell-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
