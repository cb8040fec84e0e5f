import { INTRO_OUTCOMES } from '@shared/domain/network';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { formatDate } from '../../components/format';
import { useAction } from '../../components/useAction';
import { NetworkPage, useViewer } from './networkUi';

/** Introductions made, and what came of them: each side says for itself. */
export function IntroductionsPage() {
  const viewer = useViewer();
  const intros = useApi('network.introductions', {});
  const { message, act } = useAction();
  return (
    <NetworkPage title="Introductions" subtitle="Members put in touch about a need, and what came of it.">
      <ActionNote message={message} />
      {intros.data?.length === 0 ? <p className="muted">No introductions yet: introduce yourself from your matches.</p> : null}
      <ul className="record-list">
        {intros.data?.map((i) => {
          const side = viewer.memberId === i.supplier.id ? 'supplier' : 'needer';
          const mine = side === 'supplier' ? i.supplierOutcome : i.neederOutcome;
          return (
            <li key={i.id} className="card record">
              <div>
                <strong>{i.needer.name}</strong> needs <strong>{i.tag}</strong>; <strong>{i.supplier.name}</strong> offers it
                <p className="muted small">
                  {formatDate(i.at.slice(0, 10))} · {i.needer.name}: {i.neederOutcome} · {i.supplier.name}: {i.supplierOutcome}
                </p>
              </div>
              {viewer.memberId === i.needer.id || viewer.memberId === i.supplier.id || viewer.staff ? (
                <label className="inline-select">
                  What came of it
                  <select
                    value={mine}
                    onChange={(e) => void act(() => call('network.introOutcome', { id: i.id, outcome: e.target.value as typeof mine }), 'Noted.')}
                  >
                    {INTRO_OUTCOMES.map((o) => (
                      <option key={o} value={o}>
                        {o}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
            </li>
          );
        })}
      </ul>
    </NetworkPage>
  );
}
