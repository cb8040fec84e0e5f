import type { ProposalDetail } from '@shared/contract/governance.contract';
import { call } from '../../api/client';
import { TextAreaField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { formatDateTime } from '../../components/format';
import type { Act } from '../../components/useAction';
import { useChannelForm } from '../../components/useChannelForm';
import { useSiteZone } from '../../components/useSiteZone';

const AMENDMENT_WORDS = { open: 'waiting for the proposer', accepted: 'accepted', declined: 'declined' } as const;

/** The discussion: comments, and amendments the proposer accepts (the text changes) or declines. */
export function Discussion({ proposal: p, act }: { proposal: ProposalDetail; act: Act }) {
  const zone = useSiteZone();
  const open = p.state === 'discussion' || p.state === 'voting';
  return (
    <section aria-labelledby="discussion-title">
      <h2 id="discussion-title">Discussion</h2>
      {p.comments.length === 0 ? <p className="muted">No comments yet.</p> : null}
      <ol className="record-list" aria-label="Comments">
        {p.comments.map((c) => (
          <li key={c.id} className="card record" aria-label={`Comment by ${c.author?.name ?? 'the desk'}`}>
            <div>
              <p className="small muted">
                {c.author?.name ?? 'The desk'} · {formatDateTime(c.at, zone)}
              </p>
              <p>{c.body}</p>
              {c.amendment ? (
                <div className="amendment">
                  <p className="small">
                    <strong>Amendment</strong> · {AMENDMENT_WORDS[c.amendmentState!]}
                  </p>
                  <p className="proposal-text">{c.amendment}</p>
                </div>
              ) : null}
            </div>
            {p.mayManage && p.state === 'discussion' && c.amendmentState === 'open' ? (
              <div className="record-actions">
                <button
                  type="button"
                  className="button-primary"
                  onClick={() =>
                    void act(() => call('governance.answerAmendment', { commentId: c.id, accept: true }), 'Amendment accepted: the text is changed.')
                  }
                >
                  Accept amendment
                </button>
                <button
                  type="button"
                  onClick={() => void act(() => call('governance.answerAmendment', { commentId: c.id, accept: false }), 'Amendment declined.')}
                >
                  Decline
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {open ? <CommentForm proposalId={p.id} discussed={p.state === 'discussion'} /> : null}
    </section>
  );
}

function CommentForm({ proposalId, discussed }: { proposalId: string; discussed: boolean }) {
  const form = useChannelForm('governance.comment', {
    defaultValues: { proposalId, body: '', amendment: '' },
    onSaved: (_r, _v, f) => f.reset(),
  });
  return (
    <form className="card form" aria-label="Comment" noValidate onSubmit={(e) => void form.submit(e)}>
      <TextAreaField label="Your comment" rows={3} error={form.errorOf('body')} {...form.register('body')} />
      {discussed ? (
        <details>
          <summary>Propose an amendment</summary>
          <TextAreaField
            label="New text of the proposal"
            rows={4}
            hint="If the proposer accepts it, it replaces the text"
            error={form.errorOf('amendment')}
            {...form.register('amendment')}
          />
        </details>
      ) : null}
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit">Comment</button>
      </FormActions>
    </form>
  );
}
