import { useState } from 'react';
import { useApi } from '../../api/hooks';
import { useDebounced } from '../../components/useDebounced';

/** The members' directory on the portal: who is listed, what they offer and need, and the contact details they chose to share. */
export function DirectoryPage() {
  const [text, setText] = useState('');
  const q = useDebounced(text, 200);
  const list = useApi('members.list', { q, status: 'active', limit: 100 });
  const rows = list.data?.rows ?? [];
  return (
    <div className="stack">
      <h1>Members</h1>
      <input
        type="search"
        className="directory-search"
        aria-label="Find a member, a business or a skill"
        placeholder="Find a member, a business or a skill"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <p className="muted small" role="status">
        {list.data ? `${list.data.total} listed` : ''}
      </p>
      <ul className="directory">
        {rows.map((m) => (
          <li key={m.id} className="card directory-card">
            <h2>{m.name}</h2>
            {m.businessName ? <p className="muted">{m.businessName}</p> : null}
            {m.offers.length ? <p className="small">Offers: {m.offers.join(', ')}</p> : null}
            {m.needs.length ? <p className="small">Needs: {m.needs.join(', ')}</p> : null}
            {m.email || m.phone ? (
              <p className="small">
                {m.email ? <a href={`mailto:${m.email}`}>{m.email}</a> : null}
                {m.email && m.phone ? ' · ' : null}
                {m.phone ? <a href={`tel:${m.phone.replace(/[^+0-9]/g, '')}`}>{m.phone}</a> : null}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
