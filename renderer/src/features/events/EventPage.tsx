import { useState } from 'react';
import { Link } from 'wouter';
import type { Scope } from '@shared/contract/bookings.contract';
import type { EventDetail, Rsvp } from '@shared/contract/events.contract';
import { EVENT_KIND_LABELS } from '@shared/domain/events';
import { zonedParts } from '@shared/domain/zoned';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { MemberPicker } from '../../components/MemberPicker';
import { formatDateTime, formatTime } from '../../components/format';
import { type Act, useAction } from '../../components/useAction';
import { useChannelForm } from '../../components/useChannelForm';
import { useSiteZone } from '../../components/useSiteZone';
import { useViewer } from '../auth';
import { places, ReplyButtons } from './EventCard';
import { FairPart } from './FairPart';
import { TimeRangeFields } from '../../components/TimeRangeFields';

/** Whether an event starting at `startsAt` is today in the site's zone (read when the page draws). */
const onTheDay = (startsAt: string, zone: string) => zonedParts(Date.parse(startsAt), zone).date === zonedParts(Date.now(), zone).date;

/** One event: what, when, where, who is coming and who waits; at the door, the desk checks people in. */
export function EventPage({ id }: { id: string }) {
  const viewer = useViewer();
  const zone = useSiteZone();
  const e = useApi('events.get', { id }).data;
  const { message, act } = useAction();
  if (!e) return null;
  return (
    <section className="page events" aria-labelledby="event-title">
      <header className="page-header">
        <div>
          <p className="small">
            <Link href="/events">Events</Link> · <span className="badge">{EVENT_KIND_LABELS[e.kind]}</span>
          </p>
          <h1 id="event-title">{e.title}</h1>
          <p className="subtitle">
            {formatDateTime(e.startsAt, zone)}–{formatTime(e.endsAt, zone)} · {e.where} · hosted by {e.hosts.map((h) => h.name).join(', ')}
          </p>
          {e.series || e.communityId ? (
            <p className="small muted">
              {e.series ? `${e.series.rule} · ${e.series.index} of ${e.series.total}` : null}
              {e.series && e.communityId ? ' · ' : null}
              {e.communityId ? <Link href={`/communities/${e.communityId}`}>A session of a community of practice</Link> : null}
            </p>
          ) : null}
        </div>
      </header>
      <ActionNote message={message} />
      {e.description ? <p>{e.description}</p> : null}
      <p className="figure" role="status" aria-label="Places">
        {e.state === 'cancelled' ? 'Cancelled' : places(e)}
        {viewer.staff ? <span className="muted small"> · {e.attended} checked in</span> : null}
      </p>
      {viewer.memberId && e.state === 'scheduled' ? (
        <p className="record-actions">
          <ReplyButtons event={e} act={act} />
          {/* on the day, at the kiosk by the door: a member checks themselves in */}
          {onTheDay(e.startsAt, zone) && !e.rsvps.some((r) => r.member?.id === viewer.memberId && r.attended) ? (
            <button type="button" onClick={() => void act(() => call('events.checkIn', { eventId: e.id }), 'Welcome: you are checked in.')}>
              I’m here
            </button>
          ) : null}
        </p>
      ) : null}
      {e.kind === 'fair' ? <FairPart event={e} staff={viewer.staff} act={act} /> : null}
      <div className="split-columns">
        <Replies event={e} staff={viewer.staff} act={act} />
        {viewer.staff && e.state === 'scheduled' ? (
          <div>
            <Door event={e} act={act} />
            <EditEvent event={e} zone={zone} />
          </div>
        ) : null}
      </div>
    </section>
  );
}

function Replies({ event: e, staff, act }: { event: EventDetail; staff: boolean; act: Act }) {
  const going = e.rsvps.filter((r) => r.state === 'going');
  const waiting = e.rsvps.filter((r) => r.state === 'waitlisted');
  const who = (r: Rsvp) => r.member?.name ?? `${r.guestName} (guest)`;
  const checkIn = (r: Rsvp) =>
    act(() => call('events.checkIn', { eventId: e.id, memberId: r.member?.id ?? null, guestName: r.member ? '' : r.guestName }), `${who(r)} is checked in.`);
  return (
    <section aria-labelledby="going-title">
      <h2 id="going-title">Going</h2>
      <ul className="record-list" aria-label="Going">
        {going.map((r) => (
          <li key={r.id} className="record small">
            <span>
              {who(r)}
              {r.walkIn ? ' · walk-in' : ''}
              {r.attended ? ' · here' : ''}
            </span>
            {staff && !r.attended && r.member ? (
              <button type="button" onClick={() => void checkIn(r)}>
                Check in
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {waiting.length ? (
        <>
          <h2>Waitlist</h2>
          <ol className="record-list" aria-label="Waitlist">
            {waiting.map((r) => (
              <li key={r.id} className="record small">
                {r.place}. {who(r)}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

const SCOPES = [
  ['this', 'This event only'],
  ['following', 'This and the following'],
  ['all', 'All of the series still to come'],
] as const;

/**
 * The desk changes what an event says, its times and how many places it has (never fewer than
 * those going); in a series, for this one, the following or all. Times are sent only when changed,
 * so a title change does not move events that were moved one by one.
 */
function EditEvent({ event: e, zone }: { event: EventDetail; zone: string }) {
  const from = formatTime(e.startsAt, zone);
  const to = formatTime(e.endsAt, zone);
  const form = useChannelForm('events.update', {
    defaultValues: { title: e.title, description: e.description, capacity: String(e.capacity), startTime: from, endTime: to, scope: 'this' as Scope },
    toInput: (v) => ({
      id: e.id,
      title: v.title,
      description: v.description,
      capacity: Number(v.capacity),
      rsvpDeadline: e.rsvpDeadline,
      scope: v.scope,
      ...(v.startTime !== from || v.endTime !== to ? { startTime: v.startTime, endTime: v.endTime } : {}),
    }),
    labels: { title: 'title', description: 'description', capacity: 'places' },
  });
  return (
    <form className="card form" aria-label="Change the event" noValidate onSubmit={(ev) => void form.submit(ev)}>
      <h2>Change the event</h2>
      <TextField label="Title" error={form.errorOf('title')} {...form.register('title')} />
      <TextAreaField label="What happens" rows={2} error={form.errorOf('description')} {...form.register('description')} />
      <TextField label="Places" inputMode="numeric" error={form.errorOf('capacity')} {...form.register('capacity')} />
      <TimeRangeFields control={form.control} errorOf={form.errorOf} />
      {e.series ? <SelectField label="Change" options={SCOPES} error={form.errorOf('scope')} {...form.register('scope')} /> : null}
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit">Save</button>
      </FormActions>
    </form>
  );
}

/** At the door: a member who did not reply (a walk-in), a guest; cancelling the event. */
function Door({ event: e, act }: { event: EventDetail; act: Act }) {
  const [guest, setGuest] = useState('');
  return (
    <section className="card form" aria-labelledby="door-title">
      <h2 id="door-title">At the door</h2>
      <MemberPicker
        label="Check in a member"
        value={null}
        onChange={(m) => m && void act(() => call('events.checkIn', { eventId: e.id, memberId: m.id }), `${m.name} is checked in.`)}
      />
      {e.guestsAllowed ? (
        <form
          aria-label="Check in a guest"
          onSubmit={(ev) => {
            ev.preventDefault();
            void act(() => call('events.checkIn', { eventId: e.id, guestName: guest }), `${guest} is checked in.`).then(() => setGuest(''));
          }}
        >
          <TextField label="Guest’s name" value={guest} onChange={(ev) => setGuest(ev.target.value)} />
          <button type="submit">Check in the guest</button>
        </form>
      ) : null}
      <button type="button" onClick={() => void act(() => call('events.cancel', { id: e.id }), 'The event is cancelled; everyone who replied is told.')}>
        {e.series ? 'Cancel this one' : 'Cancel the event'}
      </button>
      {e.series ? (
        <button
          type="button"
          onClick={() =>
            void act(() => call('events.cancel', { id: e.id, scope: 'following' }), 'This and the following are cancelled; everyone who replied is told.')
          }
        >
          Cancel this and the following
        </button>
      ) : null}
    </section>
  );
}
