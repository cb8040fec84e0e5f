import { useLocation } from 'wouter';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { formatCount, formatDateTime } from '../../components/format';
import { useAction } from '../../components/useAction';
import { useSiteZone } from '../../components/useSiteZone';

/** One inbox per person: newest first, unread marked; a notification opens what it is about. */
export function InboxPage() {
  const inbox = useApi('notifications.inbox', { limit: 100 });
  const zone = useSiteZone();
  const [, navigate] = useLocation();
  const { message, act } = useAction();
  const data = inbox.data;
  return (
    <section className="page" aria-labelledby="inbox-title">
      <header className="page-header">
        <div>
          <h1 id="inbox-title">Notifications</h1>
          <p className="subtitle">{data ? (data.unread ? `${formatCount(data.unread)} unread of ${formatCount(data.total)}` : 'All read') : ''}</p>
        </div>
        <div className="actions">
          <button type="button" disabled={!data?.unread} onClick={() => void act(() => call('notifications.markRead', { all: true }), 'All marked as read.')}>
            Mark all read
          </button>
        </div>
      </header>
      <ActionNote message={message} />
      {inbox.error ? <p className="form-error">{inbox.error.message}</p> : null}
      {data && data.rows.length === 0 ? (
        <p className="muted">Nothing yet. When something needs you — a booking approved, a visitor at the desk — it shows here.</p>
      ) : null}
      <ul className="inbox" aria-label="Notifications">
        {(data?.rows ?? []).map((n) => (
          <li key={n.id} className={n.read ? 'inbox-item' : 'inbox-item unread'}>
            <button
              type="button"
              className="inbox-open"
              onClick={() =>
                void (async () => {
                  if (!n.read) await call('notifications.markRead', { ids: [n.id] });
                  if (n.href) navigate(n.href);
                })()
              }
            >
              <span className="inbox-title">
                {n.read ? null : <span className="visually-hidden">Unread: </span>}
                {n.title}
              </span>
              {n.body ? <span className="inbox-body">{n.body}</span> : null}
              <span className="inbox-when muted small">{formatDateTime(n.at, zone)}</span>
            </button>
          </li>
        ))}
      </ul>
      <Preferences />
    </section>
  );
}

/** For each kind: the inbox only, or e-mail too (where the co-op sends e-mail and the person has an address). */
function Preferences() {
  const prefs = useApi('notifications.prefs', {});
  const { message, act } = useAction();
  if (!prefs.data) return null;
  return (
    <fieldset className="card prefs">
      <legend>How you are told</legend>
      {prefs.data.emailAvailable ? null : <p className="muted small">Only in this inbox: the co-op sends no e-mail, or there is no e-mail address for you.</p>}
      {prefs.data.kinds.map((k) => (
        <label key={k.kind} className="checkbox-inline">
          <input
            type="checkbox"
            checked={k.email}
            disabled={!prefs.data!.emailAvailable}
            onChange={(e) => void act(() => call('notifications.setPref', { kind: k.kind, email: e.target.checked }), 'Saved.')}
          />{' '}
          {k.label}: e-mail me too
        </label>
      ))}
      <ActionNote message={message} />
    </fieldset>
  );
}
