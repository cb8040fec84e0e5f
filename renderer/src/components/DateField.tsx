import { type InputHTMLAttributes, type KeyboardEvent, useRef, useState } from 'react';
import { addDaysIso } from '@shared/domain/zoned';
import { FieldShell } from './Field';
import { formatDate, todayLocal as todayIso } from './format';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const pad = (n: number) => String(n).padStart(2, '0');

/** A real calendar date as YYYY-MM-DD, or null ("31/2" is not one). */
function dateOf(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2999) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 ? `${year}-${pad(month)}-${pad(day)}` : null;
}

const yearOf = (text: string | undefined, reference: string) => {
  if (!text) return Number(reference.slice(0, 4));
  const y = Number(text);
  return text.length <= 2 ? 2000 + y : y;
};

/** 1–12 for a month's name or its start ("dec", "decem", "december"; "sept" too), else 0. */
const monthNamed = (name: string) => MONTHS.findIndex((m) => name.length >= 3 && m.startsWith(name)) + 1;

/**
 * A date as a person types it, in the co-op's day-first order: "3/12", "3.12.26", "3-12-2026",
 * "3 Dec", "3 december 2026", "Dec 3", "2026-12-03", "today", "tomorrow". A date without a year
 * takes the year of `reference` (the field's date, or today). Returns YYYY-MM-DD or null.
 */
export function parseDateText(text: string, reference: string): string | null {
  const t = text.trim().toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ');
  if (t === 'today') return todayIso();
  if (t === 'tomorrow') return addDaysIso(todayIso(), 1);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return dateOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(t);
  if (m) return dateOf(yearOf(m[3], reference), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]{3,9})\.?(?: (\d{2}|\d{4}))?$/.exec(t);
  if (m && monthNamed(m[2])) return dateOf(yearOf(m[3], reference), monthNamed(m[2]), Number(m[1]));
  m = /^([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?(?: (\d{2}|\d{4}))?$/.exec(t);
  if (m && monthNamed(m[1])) return dateOf(yearOf(m[3], reference), monthNamed(m[1]), Number(m[2]));
  return null;
}

type DateInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'min' | 'max'> & {
  /** YYYY-MM-DD, or '' for none. */
  value: string;
  onValue: (value: string) => void;
};

/**
 * A date in the co-op's one format ("3 Dec 2026"), typed or picked. Chromium's own date input
 * follows the computer's locale (12/03/2026 on an American one), so this is a text box: what was
 * typed becomes the co-op's date on leaving the field; arrows step a day (Page Up/Down a week);
 * the button beside it opens the system's calendar. `onValue` only ever receives a whole date.
 */
export function DateInput({ value, onValue, onBlur, onKeyDown, ...input }: DateInputProps) {
  const shown = (iso: string) => (iso ? formatDate(iso) : '');
  const [text, setText] = useState(shown(value));
  const [shownValue, setShownValue] = useState(value);
  const picker = useRef<HTMLInputElement>(null);
  // a new value from outside (the calendar moved, a form reset) replaces what is shown
  if (value !== shownValue) {
    setShownValue(value);
    if (parseDateText(text, value || todayIso()) !== value) setText(shown(value));
  }
  const reference = value || todayIso();
  const invalid = text.trim() !== '' && parseDateText(text, reference) === null;
  const take = (next: string) => {
    setShownValue(next);
    setText(shown(next));
    if (next !== value) onValue(next);
  };
  return (
    <span className="date-input">
      <input
        type="text"
        autoComplete="off"
        placeholder="3 Dec 2026"
        size={11}
        {...input}
        aria-invalid={input['aria-invalid'] === true || input['aria-invalid'] === 'true' || invalid}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') {
            setShownValue('');
            if (value !== '') onValue('');
          }
        }}
        onBlur={(e) => {
          const parsed = parseDateText(text, reference);
          if (parsed) take(parsed);
          onBlur?.(e);
        }}
        onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
          onKeyDown?.(e);
          if (e.defaultPrevented) return;
          const by = { ArrowUp: 1, ArrowDown: -1, PageUp: 7, PageDown: -7 }[e.key];
          if (by !== undefined) {
            e.preventDefault();
            take(addDaysIso(parseDateText(text, reference) ?? reference, by));
          } else if (e.key === 'Enter') {
            const parsed = parseDateText(text, reference);
            if (parsed) take(parsed);
          }
        }}
      />
      <button
        type="button"
        className="date-pick"
        aria-label="Open the calendar"
        tabIndex={-1}
        disabled={input.disabled}
        onClick={() => picker.current?.showPicker?.()}
      >
        ▾
      </button>
      <input
        ref={picker}
        type="date"
        className="date-picker-hidden"
        tabIndex={-1}
        aria-hidden="true"
        value={value}
        onChange={(e) => e.target.value && take(e.target.value)}
      />
    </span>
  );
}

type DateFieldProps = DateInputProps & { label: string; error?: string; hint?: string; wide?: boolean };

/** A labelled DateInput, with its message under it; says how to write a date when the text is not one. */
export function DateField({ label, error, hint, wide, ...input }: DateFieldProps) {
  const [typed, setTyped] = useState(false);
  return (
    <FieldShell label={label} error={error ?? (typed ? 'Write a date such as 3 Dec 2026 or 3/12' : undefined)} hint={hint} wide={wide}>
      {({ id, describedBy, invalid }) => (
        <DateInput
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          {...input}
          onBlur={(e) => {
            setTyped(e.target.value.trim() !== '' && parseDateText(e.target.value, input.value || todayIso()) === null);
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
