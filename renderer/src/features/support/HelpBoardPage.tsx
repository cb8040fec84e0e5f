import { useState } from 'react';
import { Controller } from 'react-hook-form';
import type { HelpRequest } from '@shared/contract/support.contract';
import { HELP_HOW, HELP_HOW_LABELS, HELP_KIND_LABELS, HELP_KINDS, type HelpKind, waitingFor } from '@shared/domain/support';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { TextAreaField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { MemberPicker } from '../../components/MemberPicker';
import { Segmented } from '../../components/Segmented';
import { TagInput } from '../../components/TagInput';
import { type Act, useAction } from '../../components/useAction';
import { useChannelForm } from '../../components/useChannelForm';
import { useViewer } from '../auth';
import { couldHelpNames as names, minutesSince, SupportPage } from './supportUi';

const FOR_YOU = { 1: 'You offer this and you are in', 2: 'You offer this', 3: null } as const;

/** The help board: ask for a quick answer or ten minutes of hands-on help; whoever can, claims it. */
export function HelpBoardPage() {
  const board = useApi('support.board', {});
  const { message, act } = useAction();
  const open = board.data?.open ?? [];
  return (
    <SupportPage title="Help board" subtitle="A quick answer or ten minutes of hands-on help from whoever is in today.">
      <div className="split-columns">
        <ActionNote message={message} />
        <section aria-labelledby="help-open-title">
          <h2 id="help-open-title">Open requests</h2>
          {board.data && open.length === 0 ? <p className="muted">Nobody is waiting for help right now.</p> : null}
          <ul className="record-list">
            {open.map((r) => (
              <RequestCard key={r.id} request={r} act={act} />
            ))}
          </ul>
          <ResolvedList requests={board.data?.resolved ?? []} />
        </section>
        <AskForm />
      </div>
    </SupportPage>
  );
}

function RequestCard({ request: r, act }: { request: HelpRequest; act: Act }) {
  const [thanks, setThanks] = useState('');
  const note = r.state === 'open' ? FOR_YOU[r.forYou] : null;
  return (
    <li className={r.raised ? 'card record help-raised' : 'card record'} aria-label={`Request: ${r.text}`}>
      <div>
        <p className="small">
          <span className="badge">{r.kind === 'quick' ? 'Quick question' : 'Hands-on'}</span> {r.asker.name} · waiting {waitingFor(minutesSince(r.askedAt))}
          {r.hereToday ? ' · here today' : ''}
          {r.raised ? <strong className="raised"> raised</strong> : null}
        </p>
        <strong>{r.text}</strong>
        {r.skills.length ? <p className="muted small">{r.skills.join(', ')}</p> : null}
        {note ? <p className="small for-you">{note}</p> : null}
        {r.helper ? (
          <p className="small">
            {r.helper.name}: {r.how ? HELP_HOW_LABELS[r.how] : ''}
          </p>
        ) : null}
        {r.couldHelp.length ? <p className="small">Could help, in now: {names(r)}</p> : null}
      </div>
      <div className="record-actions">
        {r.mayClaim
          ? HELP_HOW.map((how) => (
              <button
                key={how}
                type="button"
                onClick={() => void act(() => call('support.claim', { id: r.id, how }), `You offered to help ${r.asker.name}: they are told.`)}
              >
                {HELP_HOW_LABELS[how]}
              </button>
            ))
          : null}
        {r.mayResolve ? (
          <form
            className="inline-form"
            aria-label={`Resolve: ${r.text}`}
            onSubmit={(e) => {
              e.preventDefault();
              void act(() => call('support.resolve', { id: r.id, thanks }), 'Resolved. Thank you for asking.');
            }}
          >
            {r.helper ? <TextField label={`Thank ${r.helper.name} (optional)`} value={thanks} onChange={(e) => setThanks(e.target.value)} /> : null}
            <button type="submit">Resolved</button>
          </form>
        ) : null}
      </div>
    </li>
  );
}

function ResolvedList({ requests }: { requests: HelpRequest[] }) {
  if (requests.length === 0) return null;
  return (
    <section aria-labelledby="help-resolved-title">
      <h2 id="help-resolved-title">Resolved lately</h2>
      <ul className="record-list">
        {requests.map((r) => (
          <li key={r.id} className="record small">
            <span>
              {r.text} — {r.helper ? `${r.helper.name} helped (${r.helperHelped} in all)` : 'sorted'}
              {r.thanks ? <em> “{r.thanks}”</em> : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function AskForm() {
  const viewer = useViewer();
  const [key, setKey] = useState(0);
  const [told, setTold] = useState('');
  const form = useChannelForm('support.ask', {
    defaultValues: { asker: null as { id: string; name: string } | null, kind: 'quick' as HelpKind, text: '', skills: [] as string[], hereToday: true },
    toInput: (v) => ({ askerId: v.asker?.id ?? null, kind: v.kind, text: v.text, skills: v.skills, hereToday: v.hereToday }),
    fieldOf: { askerId: 'asker' },
    onSaved: (r, _v, f) => {
      f.reset();
      setKey((k) => k + 1);
      setTold(
        r.told > 0
          ? `Asked: ${r.told} ${r.told === 1 ? 'member who could help is' : 'members who could help are'} told.`
          : 'Asked: it is on the board for everyone.',
      );
    },
  });
  return (
    <form key={key} className="card form" aria-label="Ask for help" noValidate onSubmit={(e) => void form.submit(e)}>
      <h2>Ask for help</h2>
      {viewer.staff ? (
        <Controller
          control={form.control}
          name="asker"
          render={({ field }) => <MemberPicker label="For member" value={field.value} onChange={field.onChange} error={form.errorOf('asker')} />}
        />
      ) : null}
      <Controller
        control={form.control}
        name="kind"
        render={({ field }) => (
          <Segmented<HelpKind>
            label="What kind of help"
            value={field.value}
            onChange={field.onChange}
            options={HELP_KINDS.map((k) => [k, HELP_KIND_LABELS[k]] as const)}
          />
        )}
      />
      <TextAreaField label="What you need help with" rows={3} error={form.errorOf('text')} {...form.register('text')} />
      <Controller
        control={form.control}
        name="skills"
        render={({ field }) => (
          <TagInput
            label="Skills it needs"
            value={field.value}
            onChange={field.onChange}
            error={form.errorOf('skills')}
            hint="Those who offer them and are in are told first"
          />
        )}
      />
      <label className="override">
        <input type="checkbox" {...form.register('hereToday')} /> Today, here in the building
      </label>
      <FormActions error={form.formError} saved={form.saved ? told : null}>
        <button type="submit" className="button-primary">
          Ask
        </button>
      </FormActions>
    </form>
  );
}
