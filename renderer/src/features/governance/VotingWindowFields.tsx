import { type Control, Controller, type FieldValues, type Path } from 'react-hook-form';
import { DateField } from '../../components/DateField';
import { TimeField } from '../../components/TimeField';

type Window = { opensDate: string; opensTime: string; closesDate: string; closesTime: string };

/** When voting opens and closes, in the co-op's zone: two dates and two times, for a form whose values hold them. */
export function VotingWindowFields<V extends FieldValues & Window>({
  control,
  errorOf,
}: {
  control: Control<V>;
  errorOf: (name: Path<V>) => string | undefined;
}) {
  const fields: [keyof Window, string, 'date' | 'time'][] = [
    ['opensDate', 'Voting opens', 'date'],
    ['opensTime', 'at', 'time'],
    ['closesDate', 'Voting closes', 'date'],
    ['closesTime', 'until', 'time'],
  ];
  return (
    <div className="grid">
      {fields.map(([name, label, kind]) => (
        <Controller
          key={name}
          control={control}
          name={name as Path<V>}
          render={({ field }) => {
            const props = { label, value: field.value, onValue: field.onChange, onBlur: field.onBlur, error: errorOf(name as Path<V>) };
            return kind === 'date' ? <DateField {...props} /> : <TimeField {...props} />;
          }}
        />
      ))}
    </div>
  );
}
