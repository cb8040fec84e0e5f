import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ServerCheck } from '@shared/contract/data.contract';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormActions';
import { useChannelForm } from '../../components/useChannelForm';
import { ApiCallError, call } from '../../api/client';
import { useApi } from '../../api/hooks';

/**
 * Where this desk's data is, and a PostgreSQL server instead (a co-op with several sites): look at
 * a server first; an empty one takes this co-op's file, one holding the co-op takes this desk.
 */
export function DatabaseCard() {
  const queryClient = useQueryClient();
  const status = useApi('system.status', {});
  const [found, setFound] = useState<(ServerCheck & { url: string }) | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const check = useChannelForm('data.checkServer', {
    defaultValues: { url: '' },
    onSaved: (output, values) => setFound({ ...output, url: values.url.trim() }),
  });
  const onServer = status.data?.database.engine === 'postgres';

  async function act(channel: 'data.moveToServer' | 'data.useServer', question: string, working: string) {
    if (!found || !window.confirm(question)) return;
    setBusy(working);
    setDone(null);
    try {
      const result = await call(channel, { url: found.url });
      setDone(`This desk now works on PostgreSQL at ${result.address}.`);
      setFound(null);
      check.reset({ url: '' });
      await queryClient.invalidateQueries();
    } catch (e) {
      check.setError('url', { message: e instanceof ApiCallError ? e.message : String(e) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="card" role="region" aria-labelledby="database-title">
      <h2 id="database-title">Database</h2>
      {onServer ? (
        <p>
          This desk works on the co-op’s PostgreSQL server at <code className="address">{status.data?.database.address}</code>, shared by its sites. To take the
          co-op back to one computer, export everything and import it into a new install.
        </p>
      ) : (
        <>
          <p className="muted small">
            The co-op’s data is in one file on this computer. A co-op with several sites keeps it on a PostgreSQL server they share: move it there from this
            desk, then join from each other site’s desk. The file stays here as it was.
          </p>
          <form className="server-form" aria-label="PostgreSQL server" noValidate onSubmit={(e) => void check.submit(e)}>
            <TextField
              label="Server address"
              autoComplete="off"
              spellCheck={false}
              placeholder="postgres://coop:password@db.example.coop:5432/coopdesk"
              hint="Add ?sslmode=verify-full for TLS"
              error={check.errorOf('url')}
              {...check.register('url', { onChange: () => setFound(null) })}
            />
            <button type="submit" disabled={busy !== null || check.formState.isSubmitting}>
              {check.formState.isSubmitting ? 'Checking…' : 'Check'}
            </button>
          </form>
          <FormError message={check.formError} />
        </>
      )}
      {found ? (
        <>
          <p role="status">{found.summary}</p>
          {found.holds === 'nothing' ? (
            <button
              type="button"
              className="button-primary"
              disabled={busy !== null}
              onClick={() =>
                void act(
                  'data.moveToServer',
                  `Move this co-op to ${found.address}? Every record is copied and checked; from then on this desk works there. The file on this computer is kept as it is now.`,
                  'Moving the co-op… every other screen waits until it is done.',
                )
              }
            >
              Move this co-op there
            </button>
          ) : found.holds === 'coop' ? (
            <button
              type="button"
              className="button-primary"
              disabled={busy !== null}
              onClick={() =>
                void act(
                  'data.useServer',
                  `Work on the co-op at ${found.address} from this desk? The file on this computer stays as it is, unused.`,
                  'Connecting…',
                )
              }
            >
              Work on it at this desk
            </button>
          ) : null}
        </>
      ) : null}
      {busy ? (
        <p role="status" className="muted">
          {busy}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="saved address">
          {done}
        </p>
      ) : null}
    </div>
  );
}
