import { Link } from 'wouter';
import type { HelpRequest } from '@shared/contract/support.contract';
import { waitingFor } from '@shared/domain/support';
import { useApi } from '../../api/hooks';
import { couldHelpNames as names, minutesSince } from './supportUi';

/** A card of open requests, each linking to the board; `detail` adds a note after one. */
function Requests({
  id,
  title,
  pick,
  max,
  detail,
}: {
  id: string;
  title: string;
  pick: (r: HelpRequest) => boolean;
  max: number;
  detail?: (r: HelpRequest) => string;
}) {
  const open = (useApi('support.board', {}).data?.open ?? []).filter(pick);
  if (open.length === 0) return null;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className="result-list">
        {open.slice(0, max).map((r) => (
          <li key={r.id}>
            <Link href="/support">
              {r.asker.name}: {r.text}
            </Link>
            {detail ? <span className="muted small"> {detail(r)}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** On Today at the desk: who waits for help, and who among those in could give it. */
export const HelpToday = () => (
  <Requests
    id="help-today-title"
    title="Help asked for"
    max={6}
    pick={(r) => r.state === 'open'}
    detail={(r) => `waiting ${waitingFor(minutesSince(r.askedAt))}${r.couldHelp.length ? ` · could help: ${names(r)}` : ' · nobody in offers it'}`}
  />
);

/** On a member's home (kiosk, portal): requests they could help with, those matching what they offer first. */
export const HelpForYou = () => <Requests id="help-you-title" title="You could help" max={4} pick={(r) => r.mayClaim && r.forYou < 3} />;

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
