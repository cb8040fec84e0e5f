import { useState } from 'react';
import { Controller } from 'react-hook-form';
import type { MentorPair, MentorSuggestion } from '@shared/contract/support.contract';
import { addMonthsIso } from '@shared/domain/dates';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { DateField } from '../../components/DateField';
import { TextAreaField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { TagInput } from '../../components/TagInput';
import { formatDate, todayLocal } from '../../components/format';
import { type Act, useAction } from '../../components/useAction';
import { useChannelForm } from '../../components/useChannelForm';
import { useViewer } from '../auth';
import { SupportPage } from './supportUi';

/** Mentoring: who offers to mentor and who asks for a mentor, suggested pairs, pairs agreed by both and their meetings. */
export function MentoringPage() {
  const viewer = useViewer();
  const data = useApi('support.mentoring', {}).data;
  const { message, act } = useAction();
  return (
    <SupportPage title="Mentoring" subtitle="Mentors with time to give, members who want one, and pairs that meet and keep a log.">
      <div className="split-columns">
        <ActionNote message={message} />
        <section aria-labelledby="pairs-title">
          <h2 id="pairs-title">{viewer.staff ? 'Pairs' : 'Your pairs'}</h2>
          {data?.pairs.length === 0 ? <p className="muted">No pairs yet.</p> : null}
          <ul className="record-list">
            {data?.pairs.map((p) => (
              <PairCard key={p.id} pair={p} act={act} />
            ))}
          </ul>
          <h2>Suggested pairs</h2>
          {data?.suggestions.length === 0 ? <p className="muted">No suggestions: mentors with spare time and skills in common appear here.</p> : null}
          <ul className="record-list">
            {data?.suggestions.map((s) => (
              <SuggestionCard key={`${s.mentor.id}-${s.mentee.id}`} suggestion={s} act={act} />
            ))}
          </ul>
        </section>
        {viewer.staff ? (
          data ? (
            <DeskOverview waiting={data.waiting} capacity={data.capacity} />
          ) : null
        ) : (
          <div>
            <OfferForm current={data?.myOffer ?? null} />
            <RequestForm current={data?.myRequest ?? null} />
          </div>
        )}
      </div>
    </SupportPage>
  );
}

function SuggestionCard({ suggestion: s, act }: { suggestion: MentorSuggestion; act: Act }) {
  const start = todayLocal();
  const propose = () =>
    call('support.proposePair', { mentorId: s.mentor.id, menteeId: s.mentee.id, about: s.skills.join(', '), startsOn: start, endsOn: addMonthsIso(start, 6) });
  return (
    <li className="card record" aria-label={`Suggested: ${s.mentor.name} mentors ${s.mentee.name}`}>
      <div>
        <strong>{s.mentor.name}</strong> could mentor <strong>{s.mentee.name}</strong>
        <p className="muted small">{s.reason}</p>
      </div>
      <button type="button" onClick={() => void act(propose, 'Proposed: the other side is asked to agree.')}>
        Propose
      </button>
    </li>
  );
}

function PairCard({ pair: p, act }: { pair: MentorPair; act: Act }) {
  const [open, setOpen] = useState(false);
  return (
    <li className="card record pair" aria-label={`Pair: ${p.mentor.name} and ${p.mentee.name}`}>
      <div>
        <strong>{p.mentor.name}</strong> mentors <strong>{p.mentee.name}</strong> · {p.about}
        <p className="small">
          <span className={`badge badge-${p.state}`}>{p.state}</span> {formatDate(p.startsOn)} – {formatDate(p.endedOn ?? p.endsOn)} · {p.hoursPerMonth} h a
          month · {p.meetings} {p.meetings === 1 ? 'meeting' : 'meetings'}
          {p.lastMet ? `, last ${formatDate(p.lastMet)}` : ''}
        </p>
      </div>
      <div className="record-actions">
        {p.mayAgree ? (
          <>
            <button
              type="button"
              className="button-primary"
              onClick={() => void act(() => call('support.answerPair', { id: p.id, answer: 'agree' }), 'Agreed.')}
            >
              Agree
            </button>
            <button type="button" onClick={() => void act(() => call('support.answerPair', { id: p.id, answer: 'decline' }), 'Declined.')}>
              Decline
            </button>
          </>
        ) : null}
        {p.inPair && p.state === 'active' ? (
          <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
            Meetings
          </button>
        ) : null}
        {p.state === 'active' || p.state === 'proposed' ? (
          <button type="button" onClick={() => void act(() => call('support.endPair', { id: p.id, onDate: todayLocal() }), 'The pair has ended.')}>
            End
          </button>
        ) : null}
      </div>
      {open ? <Meetings pairId={p.id} /> : null}
    </li>
  );
}

/** The pair's log: only the two of them read it. */
function Meetings({ pairId }: { pairId: string }) {
  const meetings = useApi('support.meetings', { pairId }).data ?? [];
  const form = useChannelForm('support.logMeeting', {
    defaultValues: { onDate: todayLocal(), minutes: '45', notes: '' },
    toInput: (v) => ({ pairId, onDate: v.onDate, minutes: Number(v.minutes), notes: v.notes }),
    onSaved: (_r, _v, f) => f.reset(),
  });
  return (
    <div className="meetings">
      <ul className="record-list">
        {meetings.map((m) => (
          <li key={m.id} className="small">
            {formatDate(m.onDate)} · {m.minutes} min · {m.by.name}: {m.notes || '—'}
          </li>
        ))}
      </ul>
      <form className="form compact-form" aria-label="Log a meeting" noValidate onSubmit={(e) => void form.submit(e)}>
        <Controller
          control={form.control}
          name="onDate"
          render={({ field }) => <DateField label="Met on" value={field.value} onValue={field.onChange} onBlur={field.onBlur} error={form.errorOf('onDate')} />}
        />
        <TextField label="Minutes" inputMode="numeric" error={form.errorOf('minutes')} {...form.register('minutes')} />
        <TextAreaField label="Notes (the two of you only)" rows={2} error={form.errorOf('notes')} {...form.register('notes')} />
        <FormActions error={form.formError} saved={form.saved}>
          <button type="submit">Log the meeting</button>
        </FormActions>
      </form>
    </div>
  );
}

function DeskOverview({
  waiting,
  capacity,
}: {
  waiting: { member: { id: string; name: string }; about: string; waitingSince: string | null }[];
  capacity: { member: { id: string; name: string }; spareHours: number; skills: string[] }[];
}) {
  return (
    <div>
      <section aria-labelledby="waiting-title" className="card">
        <h2 id="waiting-title">Waiting for a mentor</h2>
        {waiting.length === 0 ? <p className="muted">Nobody waits.</p> : null}
        <ul className="record-list">
          {waiting.map((w) => (
            <li key={w.member.id} className="small">
              {w.member.name}: {w.about} · since {w.waitingSince ? formatDate(w.waitingSince.slice(0, 10)) : ''}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="capacity-title" className="card">
        <h2 id="capacity-title">Mentors with time</h2>
        {capacity.length === 0 ? <p className="muted">No mentor has time left this month.</p> : null}
        <ul className="record-list">
          {capacity.map((c) => (
            <li key={c.member.id} className="small">
              {c.member.name}: {c.spareHours} h a month free · {c.skills.join(', ')}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function OfferForm({ current }: { current: { skills: string[]; hoursPerMonth: number; note: string; active: boolean } | null }) {
  const form = useChannelForm('support.offerMentoring', {
    defaultValues: {
      skills: current?.skills ?? [],
      hoursPerMonth: String(current?.hoursPerMonth ?? 2),
      note: current?.note ?? '',
      active: current?.active ?? true,
    },
    toInput: (v) => ({ memberId: null, skills: v.skills, hoursPerMonth: Number(v.hoursPerMonth), note: v.note, active: v.active }),
  });
  return (
    <form className="card form" aria-label="Offer to mentor" noValidate onSubmit={(e) => void form.submit(e)}>
      <h2>Offer to mentor</h2>
      <Controller
        control={form.control}
        name="skills"
        render={({ field }) => <TagInput label="Skills you mentor in" value={field.value} onChange={field.onChange} error={form.errorOf('skills')} />}
      />
      <TextField label="Hours a month" inputMode="numeric" error={form.errorOf('hoursPerMonth')} {...form.register('hoursPerMonth')} />
      <TextAreaField label="A word to mentees (optional)" rows={2} error={form.errorOf('note')} {...form.register('note')} />
      <label className="override">
        <input type="checkbox" {...form.register('active')} /> Open to new mentees
      </label>
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit">{current ? 'Save' : 'Offer'}</button>
      </FormActions>
    </form>
  );
}

function RequestForm({ current }: { current: { about: string; skills: string[]; active: boolean } | null }) {
  const form = useChannelForm('support.askMentor', {
    defaultValues: { about: current?.about ?? '', skills: current?.skills ?? [], active: current?.active ?? true },
    toInput: (v) => ({ memberId: null, about: v.about, skills: v.skills, active: v.active }),
  });
  return (
    <form className="card form" aria-label="Ask for a mentor" noValidate onSubmit={(e) => void form.submit(e)}>
      <h2>Ask for a mentor</h2>
      <TextAreaField label="What about" rows={2} error={form.errorOf('about')} {...form.register('about')} />
      <Controller
        control={form.control}
        name="skills"
        render={({ field }) => <TagInput label="Skills you want to learn" value={field.value} onChange={field.onChange} error={form.errorOf('skills')} />}
      />
      <label className="override">
        <input type="checkbox" {...form.register('active')} /> Still looking
      </label>
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit">{current ? 'Save' : 'Ask'}</button>
      </FormActions>
    </form>
  );
}
