import { Link } from 'wouter';
import { waitingFor } from '@shared/domain/support';
import { useApi } from '../../api/hooks';
import { couldHelpNames as names, minutesSince } from './supportUi';

/** On Today at the desk: who waits for help, and who among those in could give it. */
export function HelpToday() {
  const open = (useApi('support.board', {}).data?.open ?? []).filter((r) => r.state === 'open');
  if (open.length === 0) return null;
  return (
    <section className="card" aria-labelledby="help-today-title">
      <h2 id="help-today-title">Help asked for</h2>
      <ul className="result-list">
        {open.slice(0, 6).map((r) => (
          <li key={r.id}>
            <Link href="/support">
              {r.asker.name}: {r.text}
            </Link>{' '}
            <span className="muted small">
              waiting {waitingFor(minutesSince(r.askedAt))}
              {r.couldHelp.length ? ` · could help: ${names(r)}` : ' · nobody in offers it'}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** On a member's home (kiosk, portal): requests they could help with, those matching what they offer first. */
export function HelpForYou() {
  const open = (useApi('support.board', {}).data?.open ?? []).filter((r) => r.mayClaim && r.forYou < 3);
  if (open.length === 0) return null;
  return (
    <section className="card" aria-labelledby="help-you-title">
      <h2 id="help-you-title">You could help</h2>
      <ul className="result-list">
        {open.slice(0, 4).map((r) => (
          <li key={r.id}>
            <Link href="/support">
              {r.asker.name}: {r.text}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** On a member's page at the desk: help given and asked, mentoring (counted from the records). */
export function MemberSupport({ memberId }: { memberId: string }) {
  const s = useApi('support.summary', { memberId }).data;
  if (!s) return null;
  return (
    <section className="card" aria-labelledby="member-support-title">
      <h2 id="member-support-title">Mutual support</h2>
      <dl className="facts">
        <dt>Helped</dt>
        <dd>
          {s.helped} {s.helped === 1 ? 'time' : 'times'} · asked {s.asked}
        </dd>
        <dt>Mentoring</dt>
        <dd>
          mentored {s.mentoring} · was mentored {s.mentored}
        </dd>
      </dl>
    </section>
  );
}
