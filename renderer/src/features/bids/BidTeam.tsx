import { useState } from 'react';
import type { Bid, BidTeamMember } from '@shared/contract/bids.contract';
import { percent, submissionProblems } from '@shared/domain/bids';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { MemberPicker } from '../../components/MemberPicker';
import { useAuth } from '../auth';
import type { Act } from '../../components/useAction';
import { percentText, teamStateOf } from './bidUi';

interface Draft {
  role: string;
  workShare: string;
  revenueShare: string;
}

const draftOf = (m: BidTeamMember): Draft => ({ role: m.role, workShare: String(m.workShare), revenueShare: String(m.revenueShare) });
const bp = (text: string) => Math.round(Number(text || 0) * 100);

/**
 * The team: who was asked, who accepted, each one's role and share of the work and of the
 * revenue. Totals are checked as you type with the same rule the server applies.
 */
export function BidTeam({ bid, editable, act }: { bid: Bid; editable: boolean; act: Act }) {
  const auth = useAuth();
  const manager = auth.data?.mode === 'manager';
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => Object.fromEntries(bid.members.map((m) => [m.memberId, draftOf(m)])));
  const [lead, setLead] = useState<string | null>(bid.leadMemberId);
  const [invitee, setInvitee] = useState<{ id: string; name: string } | null>(null);
  const [pickerKey, setPickerKey] = useState(0);
  // Members who joined since the drafts were made start from what the server has.
  const draft = (m: BidTeamMember) => drafts[m.memberId] ?? draftOf(m);
  const setDraft = (id: string, patch: Partial<Draft>) =>
    setDrafts((d) => ({ ...d, [id]: { ...(d[id] ?? draftOf(bid.members.find((m) => m.memberId === id)!)), ...patch } }));

  const live = submissionProblems(teamStateOf(bid, lead, (m) => [Number(draft(m).workShare || 0), Number(draft(m).revenueShare || 0)]));
  const accepted = bid.members.filter((m) => m.status === 'accepted');
  const total = (key: 'workShare' | 'revenueShare') => accepted.reduce((sum, m) => sum + bp(draft(m)[key]), 0);

  function save() {
    const members = bid.members
      .filter((m) => m.status !== 'declined')
      .map((m) => ({
        memberId: m.memberId,
        role: draft(m).role,
        workShare: Number(draft(m).workShare || 0),
        revenueShare: Number(draft(m).revenueShare || 0),
      }));
    void act(() => call('bids.setTeam', { id: bid.id, leadMemberId: lead, members }), 'Roles and shares saved.');
  }

  return (
    <div className="card card-wide" role="region" aria-label="Team">
      <div className="card-head">
        <h2>Team</h2>
        <span className="muted small">Shares of the accepted team must total exactly 100 % before submitting</span>
      </div>
      <table className="data-table compact team-table" aria-label="Team members">
        <thead>
          <tr>
            <th style={{ width: '22%' }}>Member</th>
            <th style={{ width: '11%' }}>Answer</th>
            <th>Role</th>
            <th style={{ width: '11%' }}>Work %</th>
            <th style={{ width: '11%' }}>Revenue %</th>
            <th style={{ width: '7%' }}>Lead</th>
            <th style={{ width: '16%' }} />
          </tr>
        </thead>
        <tbody>
          {bid.members.map((m) => (
            <tr key={m.memberId}>
              <td>{m.name}</td>
              <td>
                <span className={`badge answer-${m.status}`}>{m.status}</span>
              </td>
              <td>
                {editable && m.status !== 'declined' ? (
                  <input aria-label={`Role of ${m.name}`} value={draft(m).role} onChange={(e) => setDraft(m.memberId, { role: e.target.value })} />
                ) : (
                  m.role
                )}
              </td>
              <td>
                {editable && m.status !== 'declined' ? (
                  <input
                    aria-label={`Work share of ${m.name}`}
                    inputMode="decimal"
                    className="num"
                    value={draft(m).workShare}
                    onChange={(e) => setDraft(m.memberId, { workShare: e.target.value })}
                  />
                ) : (
                  percentText(m.workShare)
                )}
              </td>
              <td>
                {editable && m.status !== 'declined' ? (
                  <input
                    aria-label={`Revenue share of ${m.name}`}
                    inputMode="decimal"
                    className="num"
                    value={draft(m).revenueShare}
                    onChange={(e) => setDraft(m.memberId, { revenueShare: e.target.value })}
                  />
                ) : (
                  percentText(m.revenueShare)
                )}
              </td>
              <td>
                {editable ? (
                  <input
                    type="radio"
                    name="lead"
                    aria-label={`${m.name} leads`}
                    checked={lead === m.memberId}
                    disabled={m.status !== 'accepted'}
                    onChange={() => setLead(m.memberId)}
                  />
                ) : m.isLead ? (
                  'Lead'
                ) : null}
              </td>
              <td>
                <span className="actions">
                  {editable && m.status === 'invited' && manager ? (
                    <>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => void act(() => call('bids.respond', { id: bid.id, memberId: m.memberId, answer: 'accept' }), `${m.name} accepted.`)}
                      >
                        Mark accepted
                      </button>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => void act(() => call('bids.respond', { id: bid.id, memberId: m.memberId, answer: 'decline' }), `${m.name} declined.`)}
                      >
                        Mark declined
                      </button>
                    </>
                  ) : null}
                  {editable && m.status === 'requested' ? (
                    <>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() =>
                          void act(() => call('bids.answerOffer', { id: bid.id, memberId: m.memberId, answer: 'accept' }), `${m.name} joined the team.`)
                        }
                      >
                        Welcome
                      </button>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() =>
                          void act(() => call('bids.answerOffer', { id: bid.id, memberId: m.memberId, answer: 'decline' }), `You declined ${m.name}’s offer.`)
                        }
                      >
                        Decline offer
                      </button>
                    </>
                  ) : null}
                  {editable ? (
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Remove ${m.name}`}
                      onClick={() => void act(() => call('bids.removeMember', { id: bid.id, memberId: m.memberId }), `${m.name} is off the team.`)}
                    >
                      Remove
                    </button>
                  ) : null}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={3}>Total of the accepted team</th>
            <th className={total('workShare') === 10_000 ? 'total-ok' : 'total-bad'}>{percent(total('workShare'))}</th>
            <th className={total('revenueShare') === 10_000 ? 'total-ok' : 'total-bad'}>{percent(total('revenueShare'))}</th>
            <th colSpan={2} />
          </tr>
        </tfoot>
      </table>
      {editable ? (
        <>
          {live.length > 0 ? (
            <ul className="problems" aria-label="What is missing">
              {live.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : (
            <p className="ok-box">The team is complete: shares total 100 %.</p>
          )}
          <div className="inline-form compact-form">
            <button type="button" className="button-primary" onClick={save}>
              Save roles and shares
            </button>
            <MemberPicker key={pickerKey} label="Invite a member" value={invitee} onChange={setInvitee} />
            <button
              type="button"
              disabled={!invitee}
              onClick={() =>
                invitee &&
                void act(async () => {
                  await call('bids.invite', { id: bid.id, memberIds: [invitee.id] });
                  setInvitee(null);
                  setPickerKey((k) => k + 1);
                }, `${invitee.name} is invited.`)
              }
            >
              Invite
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
}

/** Members ranked by how much of the needed work their offered skills cover, with the reason and the gaps. */
export function SuggestedTeam({ bid, act }: { bid: Bid; act: Act }) {
  const suggestion = useApi('bids.suggestTeam', { id: bid.id });
  const s = suggestion.data;
  if (!s) return null;
  const suggestedNames = s.ranked.filter((r) => s.suggested.includes(r.memberId)).map((r) => r.name);
  return (
    <div className="card card-wide" role="region" aria-label="Suggested team">
      <div className="card-head">
        <h2>Suggested team</h2>
        {s.suggested.length > 0 ? (
          <button
            type="button"
            className="button-primary"
            onClick={() => void act(() => call('bids.invite', { id: bid.id, memberIds: s.suggested }), `Invited ${suggestedNames.join(', ')}.`)}
          >
            Invite the suggested team ({s.suggested.length})
          </button>
        ) : null}
      </div>
      {bid.neededSkills.length === 0 ? <p className="muted">Add the skills this bid needs (Edit) to get suggestions.</p> : null}
      {s.ranked.length === 0 && bid.neededSkills.length > 0 ? <p className="muted">Nobody else offers these skills yet.</p> : null}
      <ul className="result-list" aria-label="Ranked members">
        {s.ranked.map((r) => (
          <li key={r.memberId}>
            <span>
              <strong>{r.name}</strong> {s.suggested.includes(r.memberId) ? <span className="badge badge-owner">suggested</span> : null}
              <span className="muted small"> — {r.reason}</span>
            </span>
            <span className="actions">
              <meter
                min={0}
                max={1}
                value={r.coverage}
                aria-label={`${r.name} covers ${Math.round(r.coverage * 100)} % of the work`}
                title={`${Math.round(r.coverage * 100)} % of the work`}
              />
              <button type="button" onClick={() => void act(() => call('bids.invite', { id: bid.id, memberIds: [r.memberId] }), `${r.name} is invited.`)}>
                Invite
              </button>
            </span>
          </li>
        ))}
      </ul>
      {s.gaps.length > 0 ? (
        <p className="rule-box" role="note">
          Nobody in the co-op offers: <strong>{s.gaps.join(', ')}</strong>. Look outside, or ask a member to learn it.
        </p>
      ) : null}
    </div>
  );
}
