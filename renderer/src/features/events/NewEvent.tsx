import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { EVENT_KIND_LABELS, EVENT_KINDS, type EventKind } from '@shared/domain/events';
import { parseMoney } from '@shared/domain/money';
import { useApi } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { MemberPicker } from '../../components/MemberPicker';
import { todayLocal } from '../../components/format';
import { useChannelForm } from '../../components/useChannelForm';
import { TimeRangeFields } from '../../components/TimeRangeFields';

type Repeats = 'none' | 'weekly' | 'fortnightly' | 'monthly-date' | 'monthly-weekday';
const REPEATS = [
  ['none', 'Once'],
  ['weekly', 'Every week'],
  ['fortnightly', 'Every two weeks'],
  ['monthly-weekday', 'Every month, same weekday (the first Tuesday)'],
  ['monthly-date', 'Every month, same date'],
] as const;

/** A series the way the booking engine's recurrence reads it; each occurrence stays at its time on the wall clock. */
function repeatOf(r: Repeats, count: number) {
  if (r === 'none') return null;
  if (r === 'weekly' || r === 'fortnightly') return { freq: 'weekly' as const, interval: r === 'weekly' ? 1 : 2, count };
  return { freq: 'monthly' as const, monthlyBy: r === 'monthly-date' ? ('date' as const) : ('weekday' as const), count };
}

/** The desk's form for a new event, once or repeating (the monthly breakfast). */
export function NewEvent() {
  const rooms = (useApi('bookables.list', {}).data ?? []).filter((b) => b.kind === 'room');
  const [key, setKey] = useState(0);
  const form = useChannelForm('events.create', {
    defaultValues: {
      kind: 'breakfast' as EventKind,
      title: '',
      description: '',
      host: null as { id: string; name: string } | null,
      date: todayLocal(),
      startTime: '08:00',
      endTime: '09:30',
      roomId: '',
      venue: '',
      capacity: '12',
      guestsAllowed: false,
      price: '',
      repeats: 'none' as Repeats,
      times: '6',
    },
    toInput: (v) => ({
      kind: v.kind,
      title: v.title,
      description: v.description,
      hostIds: v.host ? [v.host.id] : [],
      date: v.date,
      startTime: v.startTime,
      endTime: v.endTime,
      roomId: v.roomId || null,
      venue: v.venue,
      capacity: Number(v.capacity),
      guestsAllowed: v.guestsAllowed,
      priceMinor: parseMoney(v.price),
      repeat: repeatOf(v.repeats, Number(v.times)),
    }),
    fieldOf: { hostIds: 'host', priceMinor: 'price', 'repeat.count': 'times', 'repeat.until': 'times' },
    onSaved: (_r, _v, f) => {
      f.reset();
      setKey((k) => k + 1);
    },
  });
  return (
    <form key={key} className="card form" aria-label="New event" noValidate onSubmit={(e) => void form.submit(e)}>
      <h2>New event</h2>
      <SelectField label="Kind" options={EVENT_KINDS.map((k) => [k, EVENT_KIND_LABELS[k]] as const)} error={form.errorOf('kind')} {...form.register('kind')} />
      <TextField label="Title" error={form.errorOf('title')} {...form.register('title')} />
      <TextAreaField label="What happens" rows={2} error={form.errorOf('description')} {...form.register('description')} />
      <Controller
        control={form.control}
        name="host"
        render={({ field }) => <MemberPicker label="Host" value={field.value} onChange={field.onChange} error={form.errorOf('host')} />}
      />
      <Controller
        control={form.control}
        name="date"
        render={({ field }) => <DateField label="Date" value={field.value} onValue={field.onChange} onBlur={field.onBlur} error={form.errorOf('date')} />}
      />
      <TimeRangeFields control={form.control} errorOf={form.errorOf} />
      <div className="grid">
        <SelectField label="Repeats" options={REPEATS} error={form.errorOf('repeats')} {...form.register('repeats')} />
        {form.watch('repeats') !== 'none' ? (
          <TextField label="How many times" inputMode="numeric" error={form.errorOf('times')} {...form.register('times')} />
        ) : null}
      </div>
      <SelectField
        label="Room"
        options={[['', 'Outside venue'] as const, ...rooms.map((r) => [r.id, r.name] as const)]}
        error={form.errorOf('roomId')}
        {...form.register('roomId')}
      />
      <TextField label="Venue’s address (outside)" error={form.errorOf('venue')} {...form.register('venue')} />
      <TextField label="Places" inputMode="numeric" error={form.errorOf('capacity')} {...form.register('capacity')} />
      <TextField label="Price (empty: free)" inputMode="decimal" error={form.errorOf('price')} {...form.register('price')} />
      <label className="override">
        <input type="checkbox" {...form.register('guestsAllowed')} /> Guests welcome (not members only)
      </label>
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit" className="button-primary">
          Create the event
        </button>
      </FormActions>
    </form>
  );
}
