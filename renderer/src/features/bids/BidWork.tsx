import { useState } from 'react';
import type { Bid } from '@shared/contract/bids.contract';
import { STAGE_LABELS } from '@shared/domain/bids';
import { ApiCallError, call } from '../../api/client';
import { formatDate, formatDateTime } from '../../components/format';
import { useSiteZone } from '../../components/useSiteZone';
import type { Act } from '../../components/useAction';
import { DateInput } from '../../components/DateField';
import { downloadBase64, readBase64, sizeText } from '../../components/files';

/** Tasks with an owner from the team and a due date; overdue ones stand out. */
export function BidTasks({ bid, act }: { bid: Bid; act: Act }) {
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const team = bid.members.filter((m) => m.status !== 'declined');
  return (
    <div className="card" role="region" aria-label="Tasks">
      <h2>Tasks</h2>
      {bid.tasks.length === 0 ? <p className="muted">No tasks yet.</p> : null}
      <ul className="task-list">
        {bid.tasks.map((t) => (
          <li key={t.id} className={t.overdue ? 'overdue' : t.done ? 'done' : undefined}>
            <label>
              <input
                type="checkbox"
                checked={t.done}
                disabled={!bid.canEdit}
                onChange={(e) =>
                  void act(() => call('bids.setTaskDone', { taskId: t.id, done: e.target.checked }), e.target.checked ? 'Task done.' : 'Task reopened.')
                }
              />
              {t.title}
            </label>
            <span className="muted small">
              {t.ownerName ?? 'nobody yet'}
              {t.dueDate ? ` · due ${formatDate(t.dueDate)}` : ''}
              {t.overdue ? <span className="badge badge-attention">overdue</span> : null}
              {bid.canEdit ? (
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Remove the task ${t.title}`}
                  onClick={() => void act(() => call('bids.removeTask', { taskId: t.id }), 'Task removed.')}
                >
                  Remove
                </button>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      {bid.canEdit ? (
        <form
          className="inline-form compact-form"
          aria-label="Add a task"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void act(async () => {
              try {
                await call('bids.addTask', { id: bid.id, title, ownerMemberId: owner || null, dueDate: due || null });
                setTitle('');
                setErrors({});
              } catch (err) {
                if (err instanceof ApiCallError) setErrors(err.fields);
                throw err;
              }
            }, 'Task added.');
          }}
        >
          <div className="field">
            <label htmlFor="task-title">Task</label>
            <input
              id="task-title"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              aria-invalid={Boolean(errors.title)}
              aria-describedby={errors.title ? 'task-title-error' : undefined}
            />
            {errors.title ? (
              <p className="field-error" id="task-title-error">
                {errors.title}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="task-owner">Owner</label>
            <select id="task-owner" value={owner} onChange={(e) => setOwner(e.target.value)}>
              <option value="">nobody yet</option>
              {team.map((m) => (
                <option key={m.memberId} value={m.memberId}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="task-due">Due</label>
            <DateInput id="task-due" value={due} onValue={setDue} />
          </div>
          <button type="submit">Add task</button>
        </form>
      ) : null}
    </div>
  );
}

/** Tender packs, drafts, contracts: kept in the data folder, opened with the system's viewer (downloaded in a browser). */
export function BidDocuments({ bid, act }: { bid: Bid; act: Act }) {
  const [busy, setBusy] = useState(false);
  return (
    <div className="card" role="region" aria-label="Documents">
      <h2>Documents</h2>
      {bid.documents.length === 0 ? <p className="muted">No documents yet.</p> : null}
      <ul className="result-list">
        {bid.documents.map((d) => (
          <li key={d.id}>
            <span>
              {d.name} <span className="muted small">{sizeText(d.size)}</span>
            </span>
            <button
              type="button"
              onClick={() =>
                void act(async () => {
                  const r = await call('bids.openDocument', { id: d.id });
                  if (!r.opened && r.content !== undefined) downloadBase64(r.name, r.content);
                }, `Opened ${d.name}.`)
              }
            >
              Open
            </button>
            {bid.canEdit ? (
              <button
                type="button"
                className="link-button"
                aria-label={`Remove ${d.name}`}
                onClick={() => {
                  if (window.confirm(`Remove ${d.name}? The file is deleted from the data folder.`))
                    void act(() => call('bids.removeDocument', { id: d.id }), `Removed ${d.name}.`);
                }}
              >
                Remove
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {bid.canEdit ? (
        <div className="field compact-form">
          <label htmlFor="attach">Add a document (at most 10 MB)</label>
          <input
            id="attach"
            type="file"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              setBusy(true);
              void act(async () => {
                try {
                  if (file.size > 10 * 1024 * 1024) throw new Error(`${file.name} is larger than 10 MB.`);
                  await call('bids.attach', { id: bid.id, name: file.name, content: await readBase64(file) });
                } finally {
                  setBusy(false);
                }
              }, `Added ${file.name}.`);
            }}
          />
          {busy ? <progress aria-label="Uploading" /> : null}
        </div>
      ) : null}
    </div>
  );
}

const KIND_LABELS: Record<Bid['activity'][number]['kind'], string> = {
  created: 'Created',
  move: 'Stage',
  go: 'Go',
  'no-go': 'No-go',
  note: 'Note',
  decision: 'Decision',
  team: 'Team',
  outcome: 'Outcome',
};

/** Every move, decision and note with who and when; add a note or a decision. */
export function BidActivityCard({ bid, act }: { bid: Bid; act: Act }) {
  const zone = useSiteZone();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<'note' | 'decision'>('note');
  return (
    <div className="card card-wide" role="region" aria-label="Activity">
      <h2>Activity</h2>
      {bid.canEdit ? (
        <form
          className="inline-form"
          aria-label="Add to the log"
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim()) return;
            void act(
              async () => {
                await call('bids.note', { id: bid.id, kind, text });
                setText('');
              },
              kind === 'note' ? 'Note added.' : 'Decision recorded.',
            );
          }}
        >
          <div className="field grow">
            <label htmlFor="log-text">Note or decision</label>
            <input id="log-text" value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <select aria-label="Kind of entry" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="note">Note</option>
            <option value="decision">Decision</option>
          </select>
          <button type="submit">Add</button>
        </form>
      ) : null}
      <ol className="activity" aria-label="Activity log">
        {bid.activity.map((a) => (
          <li key={a.id}>
            <span className="muted small activity-when">{formatDateTime(a.at, zone)}</span>
            <span className={`badge kind-${a.kind}`}>{KIND_LABELS[a.kind]}</span>
            <span>
              <strong>{a.who}</strong>
              {a.kind === 'move' && a.toStage ? ` moved it ${a.fromStage ? `from ${STAGE_LABELS[a.fromStage]} ` : ''}to ${STAGE_LABELS[a.toStage]}` : ''}
              {a.kind === 'created' ? ' recorded the opportunity' : ''}
              {a.kind === 'go' || a.kind === 'no-go' ? ` recorded ${a.kind === 'go' ? 'go' : 'no-go'}; agreed: ${a.agreedBy.join(', ')}` : ''}
              {a.kind === 'team' || a.kind === 'outcome' ? ` ${a.text}` : ''}
              {a.text && (a.kind === 'note' || a.kind === 'decision') ? `: ${a.text}` : ''}
              {a.text && (a.kind === 'move' || a.kind === 'go' || a.kind === 'no-go') ? ` — ${a.text}` : ''}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
