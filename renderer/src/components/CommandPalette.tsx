import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { type PaletteEntry, useFeatures } from '../feature';
import { Dialog } from './Dialog';

/** Ctrl+K: find a member, a room, today's booking or an action by typing a few letters. */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return open ? <Palette onClose={() => setOpen(false)} /> : null;
}

function Palette({ onClose }: { onClose: () => void }) {
  const [, navigate] = useLocation();
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const text = q.trim().toLowerCase();
  const features = useFeatures();
  // One hook per feature, in the list's fixed order on every render.
  const found = features.map((f) => f.palette?.useResults?.(text) ?? []);

  const actions = features.flatMap((f) => f.palette?.actions ?? []).filter((a) => !text || a.label.toLowerCase().includes(text));
  const results = [...actions, ...found.flat()].slice(0, 14);

  const choose = (c: PaletteEntry | undefined) => {
    if (!c) return;
    onClose();
    navigate(c.go);
  };

  return (
    <Dialog title="Go to…" onClose={onClose}>
      <div className="dialog-body palette">
        <input
          role="combobox"
          aria-label="Search members, rooms, bookings and actions"
          aria-expanded="true"
          aria-controls="palette-list"
          autoFocus
          value={q}
          placeholder="Type a name, a room, or what you want to do…"
          onChange={(e) => {
            setQ(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(results.length - 1, a + 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(0, a - 1));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              choose(results[active]);
            }
          }}
        />
        <ul id="palette-list" role="listbox" aria-label="Results" className="palette-list">
          {results.map((c, i) => (
            <li
              key={`${c.group}-${c.id}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => (e.preventDefault(), choose(c))}
            >
              <span className="palette-group">{c.group}</span> {c.label} {c.hint ? <span className="muted small">{c.hint}</span> : null}
            </li>
          ))}
        </ul>
      </div>
    </Dialog>
  );
}
