import { type InputHTMLAttributes, type KeyboardEvent, useState } from 'react';
import { minutesOf, timeOfMinutes } from '@shared/domain/zoned';
import { FieldShell } from './Field';

/**
 * A time of day typed as a person writes it, always shown and sent as 24-hour HH:MM. Chromium's
 * own time input follows the computer's locale (AM/PM on an American one) whatever the co-op
 * uses, so this is a text box: "930", "9.30" and "9" become 09:30, 09:30 and 09:00 when it
 * loses focus; arrow keys move by `step` minutes. `onValue` only ever receives a valid time (or
 * '' when cleared), so the screens behind it never see half-typed text.
 */
export function parseClock(text: string): string | null {
  const t = text.trim().toLowerCase();
  const m = /^(\d{1,2})(?:[:.h]?(\d{2}))?$/.exec(t);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? 0);
  if ((hours > 23 || minutes > 59) && !(hours === 24 && minutes === 0)) return null;
  return timeOfMinutes(hours * 60 + minutes);
}

/** While typing, a time is taken only once it is whole ("09:30", "0930"), not at "9" on the way to "930". */
const whole = (text: string) => /^\d{1,2}[:.h]\d{2}$|^\d{4}$/.test(text.trim());

/** A time moved by some minutes, round the clock. */
const shift = (value: string, minutes: number) => timeOfMinutes((((minutesOf(value) + minutes) % 1440) + 1440) % 1440);

type TimeInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'step' | 'type'> & {
  value: string;
  onValue: (value: string) => void;
  /** Minutes the arrow keys move by. */
  step?: number;
};

export function TimeInput({ value, onValue, step = 15, onBlur, onKeyDown, ...input }: TimeInputProps) {
  const [text, setText] = useState(value);
  const [shownValue, setShownValue] = useState(value);
  // A new value from outside (a slot picked on the board, a form reset) replaces what is shown.
  if (value !== shownValue) {
    setShownValue(value);
    if (parseClock(text) !== value) setText(value);
  }
  const invalid = text.trim() !== '' && parseClock(text) === null;

  const take = (next: string) => {
    setShownValue(next);
    if (next !== value) onValue(next);
  };

  return (
    <input
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder="HH:MM"
      maxLength={5}
      size={5}
      {...input}
      // Text that is not a time is marked whatever the form says, so it is never saved unnoticed.
      aria-invalid={input['aria-invalid'] === true || input['aria-invalid'] === 'true' || invalid}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value.trim() === '') take('');
        else if (whole(e.target.value)) {
          const parsed = parseClock(e.target.value);
          if (parsed) take(parsed);
        }
      }}
      onBlur={(e) => {
        const parsed = parseClock(text);
        if (parsed) {
          setText(parsed);
          take(parsed);
        }
        onBlur?.(e);
      }}
      onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
        onKeyDown?.(e);
        if (e.defaultPrevented || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
        e.preventDefault();
        const next = shift(parseClock(text) ?? value ?? '00:00', e.key === 'ArrowUp' ? step : -step);
        setText(next);
        take(next);
      }}
    />
  );
}

type TimeFieldProps = TimeInputProps & { label: string; error?: string; hint?: string; wide?: boolean };

/** A labelled TimeInput, with its message under it; says how to write a time when the text is not one. */
export function TimeField({ label, error, hint, wide, ...input }: TimeFieldProps) {
  const [typed, setTyped] = useState(false);
  return (
    <FieldShell label={label} error={error ?? (typed ? 'Use a 24-hour time such as 09:30' : undefined)} hint={hint} wide={wide}>
      {({ id, describedBy, invalid }) => (
        <TimeInput
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          {...input}
          onBlur={(e) => {
            setTyped(e.target.value.trim() !== '' && parseClock(e.target.value) === null);
            input.onBlur?.(e);
          }}
          onValue={(v) => {
            setTyped(false);
            input.onValue(v);
          }}
        />
      )}
    </FieldShell>
  );
}
