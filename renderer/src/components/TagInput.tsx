import { type KeyboardEvent, useId, useState } from 'react';
import { normalizeTag, uniqueTags } from '@shared/domain/tags';
import { FieldShell } from './Field';

interface TagInputProps {
  label: string;
  value: string[];
  onChange: (tags: string[]) => void;
  suggestions?: readonly string[];
  error?: string;
  hint?: string;
}

/** Free-text tags: type and press Enter or comma to add; Backspace on an empty box removes the last. */
export function TagInput({ label, value, onChange, suggestions = [], error, hint }: TagInputProps) {
  const [draft, setDraft] = useState('');
  const listId = useId();

  function commit() {
    const tag = normalizeTag(draft);
    if (tag) onChange(uniqueTags([...value, tag]));
    setDraft('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  return (
    <FieldShell label={label} error={error} hint={hint ?? 'Press Enter to add each tag'} wide>
      {({ id, describedBy, invalid }) => (
        <div className="tag-input" aria-invalid={invalid}>
          <ul className="tags" aria-label={`${label} tags`}>
            {value.map((tag) => (
              <li key={tag} className="tag">
                {tag}
                <button type="button" className="tag-remove" aria-label={`Remove ${tag}`} onClick={() => onChange(value.filter((t) => t !== tag))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
          <input
            id={id}
            aria-describedby={describedBy}
            list={listId}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKeyDown}
            onBlur={commit}
            placeholder={value.length === 0 ? 'e.g. web design' : ''}
          />
          <datalist id={listId}>
            {suggestions.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </div>
      )}
    </FieldShell>
  );
}
