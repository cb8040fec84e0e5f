import { Controller, type Path, type UseFormReturn } from 'react-hook-form';
import type { CommunityDetail } from '@shared/contract/communities.contract';
import { useApi } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { MemberPicker } from '../../components/MemberPicker';
import { todayLocal } from '../../components/format';
import { useChannelForm } from '../../components/useChannelForm';
import { TimeRangeFields } from '../../components/TimeRangeFields';

const sessionDefaults = () => ({ title: '', description: '', date: todayLocal(), startTime: '16:00', endTime: '17:00', roomId: '', venue: '', capacity: '12' });
type SessionValues = ReturnType<typeof sessionDefaults>;
/** What both session forms hold: the fields of `WhenWhere`. */
type SessionForm<V extends SessionValues> = Pick<UseFormReturn<V>, 'control' | 'register'> & { errorOf(name: Path<V>): string | undefined };

/** When and where a session is: a day, times, a room of ours (booked through the booking engine) or a place in words. */
function WhenWhere<V extends SessionValues>({ form: generic }: { form: SessionForm<V> }) {
  // both forms hold these fields: read as the session's own values
  const form = generic as unknown as SessionForm<SessionValues>;
  const rooms = (useApi('bookables.list', {}).data ?? []).filter((b) => b.kind === 'room');
  return (
    <>
      <Controller
        control={form.control}
        name="date"
        render={({ field }) => <DateField label="Date" value={field.value} onValue={field.onChange} onBlur={field.onBlur} error={form.errorOf('date')} />}
      />
      <TimeRangeFields control={form.control} errorOf={form.errorOf} />
      <SelectField
        label="Room"
        options={[['', 'Elsewhere'] as const, ...rooms.map((r) => [r.id, r.name] as const)]}
        error={form.errorOf('roomId')}
        {...form.register('roomId')}
      />
      <TextField label="Where (if elsewhere)" error={form.errorOf('venue')} {...form.register('venue')} />
      <TextField label="Places" inputMode="numeric" error={form.errorOf('capacity')} {...form.register('capacity')} />
    </>
  );
}

const sessionInput = (communityId: string, v: SessionValues) => ({
  communityId,
  title: v.title,
  description: v.description,
  date: v.date,
  startTime: v.startTime,
  endTime: v.endTime,
  roomId: v.roomId || null,
  venue: v.venue,
  capacity: Number(v.capacity),
});

function useSessionForm(communityId: string) {
  return useChannelForm('communities.addSession', {
    defaultValues: { ...sessionDefaults(), host: null as { id: string; name: string } | null, fortnightly: '' },
    toInput: (v) => ({
      ...sessionInput(communityId, v),
      kind: 'training' as const,
      hostIds: v.host ? [v.host.id] : [],
      repeat: v.fortnightly ? { freq: 'weekly' as const, interval: 2, count: Number(v.fortnightly) } : null,
    }),
    fieldOf: { hostIds: 'host', 'repeat.count': 'fortnightly' },
    onSaved: (_r, _v, f) => f.reset(),
  });
}

/** The desk or a facilitator plans a session, once or every two weeks. */
export function PlanSession({ communityId }: { communityId: string }) {
  const form = useSessionForm(communityId);
  return (
    <form className="card form" aria-label="Plan a session" noValidate onSubmit={(e) => void form.submit(e)}>
      <h2>Plan a session</h2>
      <TextField label="Title" error={form.errorOf('title')} {...form.register('title')} />
      <TextAreaField label="What happens" rows={2} error={form.errorOf('description')} {...form.register('description')} />
      <Controller
        control={form.control}
        name="host"
        render={({ field }) => <MemberPicker label="Host" value={field.value} onChange={field.onChange} error={form.errorOf('host')} />}
      />
      <WhenWhere form={form} />
      <TextField
        label="Every two weeks, how many times (empty: once)"
        inputMode="numeric"
        error={form.errorOf('fortnightly')}
        {...form.register('fortnightly')}
      />
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit" className="button-primary">
          Plan it
        </button>
      </FormActions>
    </form>
  );
}

/** Peer training: a member offers a session in one of the skills they offer. */
export function OfferSession({ community: c }: { community: CommunityDetail }) {
  const form = useChannelForm('communities.offerSession', {
    defaultValues: { ...sessionDefaults(), skill: c.mySkills[0] ?? '' },
    toInput: (v) => ({ ...sessionInput(c.id, v), skill: v.skill }),
    onSaved: (_r, _v, f) => f.reset(),
  });
  if (c.mySkills.length === 0) return <p className="muted small">Add what you offer to your profile, and you can offer peer training in it here.</p>;
  return (
    <form className="card form" aria-label="Offer peer training" noValidate onSubmit={(e) => void form.submit(e)}>
      <h2>Offer peer training</h2>
      <SelectField label="Skill" options={c.mySkills.map((s) => [s, s] as const)} error={form.errorOf('skill')} {...form.register('skill')} />
      <TextField label="Title" error={form.errorOf('title')} {...form.register('title')} />
      <TextAreaField label="What people will learn" rows={2} error={form.errorOf('description')} {...form.register('description')} />
      <WhenWhere form={form} />
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit">Offer it</button>
      </FormActions>
    </form>
  );
}
