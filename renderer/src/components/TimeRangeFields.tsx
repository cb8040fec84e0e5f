import { type Control, Controller, type FieldValues, type Path } from 'react-hook-form';
import { TimeField } from './TimeField';

/** "From" and "To" side by side, for a form whose values hold `startTime` and `endTime` (24-hour text). */
export function TimeRangeFields<V extends FieldValues & { startTime: string; endTime: string }>({
  control,
  errorOf,
}: {
  control: Control<V>;
  errorOf: (name: Path<V>) => string | undefined;
}) {
  const [start, end] = ['startTime', 'endTime'] as Path<V>[];
  return (
    <div className="grid">
      <Controller
        control={control}
        name={start!}
        render={({ field }) => <TimeField label="From" value={field.value} onValue={field.onChange} onBlur={field.onBlur} error={errorOf(start!)} />}
      />
      <Controller
        control={control}
        name={end!}
        render={({ field }) => <TimeField label="To" value={field.value} onValue={field.onChange} onBlur={field.onBlur} error={errorOf(end!)} />}
      />
    </div>
  );
}
