import { type InputHTMLAttributes, useId } from 'react';
import { TextField } from '../../components/Field';

const TIME_ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** The co-op's one time zone: typed, with every IANA zone suggested. */
export function ZoneField({
  hint,
  error,
  ...input
}: { hint: string; error?: string } & InputHTMLAttributes<HTMLInputElement> & { ref?: React.Ref<HTMLInputElement> }) {
  const zonesId = useId();
  return (
    <>
      <TextField label="Time zone" list={zonesId} hint={hint} error={error} {...input} />
      <datalist id={zonesId}>
        {TIME_ZONES.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
    </>
  );
}
