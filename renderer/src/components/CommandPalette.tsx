import { useEffect, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { useApi } from '../api/hooks';
import { Dialog } from './Dialog';

interface Command {
  id: string;
  group: 'Action' | 'Member' | 'Room' | 'Desk' | 'Resource' | 'Booking' | 'Bid';
  label: string;
  hint?: string;
  go: string;
}

const ACTIONS: Command[] = [
  { id: 'a-today', group: 'Action', label: 'Today at the front desk', go: '/today' },
  { id: 'a-checkin', group: 'Action', label: 'Check in a member', go: '/today' },
  { id: 'a-visitor', group: 'Action', label: 'New visitor', go: '/today' },
  { id: 'a-book', group: 'Action', label: 'Book a room', go: '/bookings/find' },
  { id: 'a-board', group: 'Action', label: 'Day board', go: '/bookings' },
  { id: 'a-member', group: 'Action', label: 'New member', go: '/members/new' },
  { id: 'a-bids', group: 'Action', label: 'Joint bids', go: '/bids' },
  { id: 'a-bid', group: 'Action', label: 'New opportunity (joint bid)', go: '/bids/new' },
  { id: 'a-pending', group: 'Action', label: 'Bookings waiting for approval', go: '/bookings/pending' },
  { id: 'a-audit', group: 'Action', label: 'Audit log', go: '/audit' },
  { id: 'a-settings', group: 'Action', label: 'Settings', go: '/settings' },
];

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
  const members = useApi('members.list', { q, limit: 6 }, { enabled: text.length > 0 });
  const bookables = useApi('bookables.list', {});
  const today = useApi('frontdesk.today', {});
  const bids = useApi('bids.list', { q, stage: 'active' }, { enabled: text.length > 1 });

  const results = useMemo(() => {
    const has = (s: string) => s.toLowerCase().includes(text);
    const list: Command[] = [...ACTIONS.filter((a) => !text || has(a.label))];
    if (text) {
      for (const m of members.data?.rows ?? []) list.push({ id: m.id, group: 'Member', label: m.name, hint: m.businessName, go: `/members/${m.id}` });
      for (const b of (text.length > 1 ? bids.data : undefined)?.slice(0, 4) ?? []) list.push({ id: b.id, group: 'Bid', label: b.title, hint: b.client, go: `/bids/${b.id}` });
      for (const b of bookables.data ?? []) {
        if (has(b.name)) list.push({ id: b.id, group: b.kind === 'room' ? 'Room' : b.kind === 'desk' ? 'Desk' : 'Resource', label: b.name, hint: `week view`, go: `/bookables/${b.id}/week/${today.data?.date ?? new Date().toISOString().slice(0, 10)}` });
      }
      for (const r of today.data?.rooms ?? []) {
        for (const b of r.bookings) if (has(b.who) || has(b.title) || has(r.name)) list.push({ id: b.bookingId, group: 'Booking', label: `${b.localStart} ${r.name} · ${b.who}`, hint: b.title, go: `/bookings/${today.data!.date}` });
      }
    }
    return list.slice(0, 14);
  }, [text, members.data, bookables.data, today.data, bids.data]);

  const choose = (c: Command | undefined) => {
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
            <li key={`${c.group}-${c.id}`} role="option" aria-selected={i === active} className={i === active ? 'active' : undefined} onMouseDown={(e) => (e.preventDefault(), choose(c))}>
              <span className="palette-group">{c.group}</span> {c.label} {c.hint ? <span className="muted small">{c.hint}</span> : null}
            </li>
          ))}
        </ul>
      </div>
    </Dialog>
  );
}
