import { useState } from 'react';
import { Controller } from 'react-hook-form';
import type { EventDetail } from '@shared/contract/events.contract';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { MemberPicker } from '../../components/MemberPicker';
import { TagInput } from '../../components/TagInput';
import type { Act } from '../../components/useAction';
import { useChannelForm } from '../../components/useChannelForm';

/** A fair's page part: exhibitors with their offers, and visitors' needs each answered by who in the co-op offers it. */
export function FairPart({ event: e, staff, act }: { event: EventDetail; staff: boolean; act: Act }) {
  const fair = useApi('events.fair', { id: e.id }).data;
  const [stand, setStand] = useState('');
  if (!fair) return null;
  return (
    <div className="split-columns">
      <section aria-labelledby="exhibitors-title">
        <h2 id="exhibitors-title">Exhibitors</h2>
        {fair.exhibitors.length === 0 ? <p className="muted">No exhibitors yet.</p> : null}
        <ul className="record-list" aria-label="Exhibitors">
          {fair.exhibitors.map((x) => (
            <li key={x.member.id} className="record small">
              <span>
                {x.stand ? <span className="badge">{x.stand}</span> : null} <strong>{x.member.name}</strong> · {x.offers.join(', ') || 'no offers listed'}
              </span>
              {staff ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    void act(() => call('events.removeExhibitor', { eventId: e.id, memberId: x.member.id }), `${x.member.name} no longer exhibits.`)
                  }
                >
                  Remove
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        {staff ? (
          <div className="card form">
            <TextField label="Stand (optional)" value={stand} onChange={(ev) => setStand(ev.target.value)} />
            <MemberPicker
              label="Add an exhibitor"
              value={null}
              onChange={(m) =>
                m && void act(() => call('events.addExhibitor', { eventId: e.id, memberId: m.id, stand }), `${m.name} exhibits.`).then(() => setStand(''))
              }
            />
          </div>
        ) : null}
      </section>
      <section aria-labelledby="needs-title">
        <h2 id="needs-title">Needs told at the fair</h2>
        {fair.needs.length === 0 ? <p className="muted">No needs noted yet.</p> : null}
        <ul className="record-list" aria-label="Needs">
          {fair.needs.map((n) => (
            <li key={n.id} className="record small">
              <span>
                <strong>{n.tag}</strong> · {n.visitor}
                {n.contact ? ` (${n.contact})` : ''} →{' '}
                {n.offeredBy.length ? n.offeredBy.map((m) => `${m.name}${m.exhibitor ? ' (exhibiting)' : ''}`).join(', ') : 'nobody in the co-op offers it yet'}
              </span>
            </li>
          ))}
        </ul>
        {e.state === 'scheduled' ? <NoteNeeds eventId={e.id} staff={staff} /> : null}
      </section>
    </div>
  );
}

function NoteNeeds({ eventId, staff }: { eventId: string; staff: boolean }) {
  const form = useChannelForm('events.noteNeeds', {
    defaultValues: { member: null as { id: string; name: string } | null, visitorName: '', contact: '', tags: [] as string[] },
    toInput: (v) => ({ eventId, memberId: v.member?.id ?? null, visitorName: v.visitorName, contact: v.contact, tags: v.tags }),
    fieldOf: { memberId: 'member' },
    onSaved: (_r, _v, f) => f.reset(),
  });
  return (
    <form className="card form" aria-label="Note needs" noValidate onSubmit={(ev) => void form.submit(ev)}>
      <h3>{staff ? 'Note a visitor’s needs' : 'What do you need?'}</h3>
      {staff ? (
        <>
          <Controller
            control={form.control}
            name="member"
            render={({ field }) => <MemberPicker label="A member" value={field.value} onChange={field.onChange} error={form.errorOf('member')} />}
          />
          <TextField label="Or a guest’s name" error={form.errorOf('visitorName')} {...form.register('visitorName')} />
          <TextField label="Guest’s contact" error={form.errorOf('contact')} {...form.register('contact')} />
        </>
      ) : null}
      <Controller
        control={form.control}
        name="tags"
        render={({ field }) => <TagInput label="Needs" value={field.value} onChange={field.onChange} error={form.errorOf('tags')} />}
      />
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit">Note</button>
      </FormActions>
    </form>
  );
}
