import { useId, useRef, useState } from 'react';
import { useApi } from '../api/hooks';

/**
 * Choose a member by typing a few letters of their name, business or skills: a combobox with
 * a list of matches (thousands of members, so it searches rather than lists).
 */
export function MemberPicker({
  label,
  value,
  onChange,
  error,
  autoFocus,
}: {
  label: string;
  value: { id: string; name: string } | null;
  onChange: (member: { id: string; name: string } | null) => void;
  error?: string;
  /** The field a dialog opens on (the Dialog focuses `data-autofocus`). */
  autoFocus?: boolean;
}) {
  const [text, setText] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useId();
  const closing = useRef<number | undefined>(undefined);
  const listId = `${id}-list`;
  const matches = useApi('members.list', { q: text, limit: 8, status: 'active' }, { enabled: open && text.trim().length > 0 });
  const rows = open ? (matches.data?.rows ?? []) : [];

  function choose(i: number) {
    const m = rows[i];
    if (!m) return;
    onChange({ id: m.id, name: m.name });
    setText(m.name);
    setOpen(false);
  }

  return (
    <div className="field picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        role="combobox"
        aria-expanded={rows.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        autoComplete="off"
        data-autofocus={autoFocus || undefined}
        placeholder="Type a name…"
        value={text}
        onChange={(e) => {
          window.clearTimeout(closing.current);
          setText(e.target.value);
          setOpen(true);
          setActive(0);
          if (value) onChange(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(rows.length - 1, a + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter' && rows.length > 0) {
            e.preventDefault();
            choose(active);
          } else if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
        onFocus={() => window.clearTimeout(closing.current)}
        // closes a moment after focus leaves, so a click on an option lands first; coming back
        // (a quick Tab and back, or typing again) keeps the list open
        onBlur={() => (closing.current = window.setTimeout(() => setOpen(false), 150))}
      />
      {rows.length > 0 ? (
        <ul className="listbox" id={listId} role="listbox" aria-label={`${label} matches`}>
          {rows.map((m, i) => (
            <li
              key={m.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(i);
              }}
            >
              {m.name} <span className="muted small">{m.businessName}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
