import { Controller } from 'react-hook-form';
import { Link } from 'wouter';
import type { CommunitySummary } from '@shared/contract/communities.contract';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { TextAreaField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { MemberPicker } from '../../components/MemberPicker';
import { formatDateTime } from '../../components/format';
import { type Act, useAction } from '../../components/useAction';
import { useChannelForm } from '../../components/useChannelForm';
import { useSiteZone } from '../../components/useSiteZone';
import { useViewer } from '../auth';

/** Every community of practice: its topic, who facilitates, how many are in it, its next session; join from here. */
export function CommunitiesPage() {
  const viewer = useViewer();
  const list = useApi('communities.list', {}).data;
  const { message, act } = useAction();
  return (
    <section className="page communities" aria-labelledby="communities-title">
      <header className="page-header">
        <div>
          <h1 id="communities-title">Communities of practice</h1>
          <p className="subtitle">Groups that learn together: regular sessions, a shared library, and members teaching what they know.</p>
        </div>
      </header>
      <div className="split-columns">
        <ActionNote message={message} />
        <ul className="record-list" aria-label="Communities">
          {list?.length === 0 ? <p className="muted">No communities yet.</p> : null}
          {list?.map((c) => (
            <CommunityCard key={c.id} community={c} act={act} member={viewer.memberId !== null} />
          ))}
        </ul>
        {viewer.staff ? <NewCommunity /> : null}
      </div>
    </section>
  );
}

function CommunityCard({ community: c, act, member }: { community: CommunitySummary; act: Act; member: boolean }) {
  const zone = useSiteZone();
  return (
    <li className="card record" aria-label={`Community: ${c.name}`}>
      <div>
        <Link href={`/communities/${c.id}`}>
          <strong>{c.name}</strong>
        </Link>
        {c.archived ? <span className="badge badge-cancelled"> archived</span> : null}
        <p className="small">{c.topic}</p>
        <p className="small muted">
          {c.members} in it · facilitated by {c.facilitators.map((f) => f.name).join(', ') || 'nobody yet'}
          {c.nextSession ? ` · next: ${c.nextSession.title}, ${formatDateTime(c.nextSession.startsAt, zone)}` : ''}
          {c.mine ? ` · you are ${c.mine === 'facilitator' ? 'a facilitator' : 'in it'}` : ''}
        </p>
      </div>
      {member && !c.mine && !c.archived ? (
        <button type="button" onClick={() => void act(() => call('communities.join', { id: c.id }), `You joined ${c.name}.`)}>
          Join
        </button>
      ) : null}
    </li>
  );
}

/** The desk starts a community with its first facilitator. */
function NewCommunity() {
  const form = useChannelForm('communities.create', {
    defaultValues: { name: '', topic: '', description: '', facilitator: null as { id: string; name: string } | null },
    toInput: (v) => ({ name: v.name, topic: v.topic, description: v.description, facilitatorIds: v.facilitator ? [v.facilitator.id] : [] }),
    fieldOf: { facilitatorIds: 'facilitator' },
    onSaved: (_r, _v, f) => f.reset(),
  });
  return (
    <form className="card form" aria-label="New community" noValidate onSubmit={(e) => void form.submit(e)}>
      <h2>New community</h2>
      <TextField label="Name" error={form.errorOf('name')} {...form.register('name')} />
      <TextField label="Topic" error={form.errorOf('topic')} {...form.register('topic')} />
      <TextAreaField label="What it does" rows={2} error={form.errorOf('description')} {...form.register('description')} />
      <Controller
        control={form.control}
        name="facilitator"
        render={({ field }) => <MemberPicker label="Facilitator" value={field.value} onChange={field.onChange} error={form.errorOf('facilitator')} />}
      />
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit" className="button-primary">
          Start the community
        </button>
      </FormActions>
    </form>
  );
}
