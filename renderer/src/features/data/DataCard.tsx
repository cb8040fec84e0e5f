import { useQueryClient } from '@tanstack/react-query';
import { SimpleTable } from '../../components/SimpleTable';
import { FormError } from '../../components/FormActions';
import { formatDateTime } from '../../components/format';
import { useSiteZone } from '../../components/useSiteZone';
import { useState } from 'react';
import { ApiCallError, call } from '../../api/client';
import { useApi } from '../../api/hooks';

const size = (bytes: number) => (bytes > 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`);
const KIND_LABELS = { auto: 'automatic', manual: 'manual', 'pre-migration': 'before an upgrade', 'pre-restore': 'before a restore' };

/** Where the data lives, backups (automatic, now, restore) and exports of everything. */
export function DataCard() {
  const queryClient = useQueryClient();
  const zone = useSiteZone();
  const when = (instant: string) => formatDateTime(instant, zone);
  const status = useApi('system.status', {});
  const backups = useApi('data.backups', {});
  const exports = useApi('data.exports', {});
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const desktop = typeof window !== 'undefined' && Boolean(window.coopdesk);
  // backups and restores are the server's own where the data is on PostgreSQL
  const onServer = status.data?.database.engine === 'postgres';

  async function run(work: () => Promise<string | null>) {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      setMessage(await work());
      await queryClient.invalidateQueries();
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card" role="region" aria-labelledby="data-title">
      <h2 id="data-title">Your data</h2>
      {status.data ? (
        <dl className="facts">
          <dt>Data folder</dt>
          <dd>
            <code>{status.data.dataDir}</code>
          </dd>
          <dt>Database</dt>
          <dd>
            {onServer ? 'PostgreSQL at ' : null}
            <code>{status.data.database.address}</code>, schema version {status.data.schemaVersion} · Coopdesk {status.data.appVersion}
          </dd>
          {backups.data ? (
            <>
              <dt>Free space</dt>
              <dd>
                {size(backups.data.disk.freeBytes)} on the data folder’s disk
                {onServer ? null : `; the database takes ${size(backups.data.disk.databaseBytes)}`}
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {backups.data?.disk.warning ? (
        <p className="form-error" role="alert">
          {backups.data.disk.warning}
        </p>
      ) : null}
      {onServer ? (
        <p className="muted small">
          This co-op’s data is on a PostgreSQL server its sites share: back it up with the server’s own tools (<code>pg_dump -Fc</code>, and{' '}
          <code>pg_restore</code>). Export everything works here too; imported into a new install, it is the way back to a file.
        </p>
      ) : (
        <p className="muted small">
          Coopdesk backs up at start and every day, keeping 7 daily, 4 weekly and 12 monthly copies in <code>{backups.data?.folder}</code>. A copy is also made
          before every upgrade and every restore.
        </p>
      )}
      <div className="actions">
        {onServer ? null : (
          <button
            type="button"
            className="button-primary"
            disabled={busy}
            onClick={() => void run(async () => `Backed up as ${(await call('data.backupNow', {})).name}.`)}
          >
            Back up now
          </button>
        )}
        {desktop && !onServer ? (
          <>
            <button type="button" disabled={busy} onClick={() => void run(async () => ((await call('data.backupToFile', {})).saved ? 'Backup saved.' : null))}>
              Back up to a file…
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void run(async () => ((await call('data.restoreFromFile', {})).restored ? 'Restored. A copy of the previous data is in the backups.' : null))
              }
            >
              Restore from a file…
            </button>
          </>
        ) : null}
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              const e = await call('data.exportAll', {});
              return `Exported everything to ${e.name} (${size(e.bytes)}).`;
            })
          }
        >
          Export everything (CSV, zip)
        </button>
      </div>
      {busy ? (
        <p role="status" className="muted">
          Working…
        </p>
      ) : null}
      {message ? (
        <p role="status" className="saved">
          {message}
        </p>
      ) : null}
      <FormError message={error} />

      {onServer ? null : (
        <SimpleTable
          label="Backups"
          rows={backups.data?.backups ?? []}
          rowKey={(b) => b.name}
          columns={[
            { header: 'Made', cell: (b) => when(b.createdAt) },
            { header: 'Why', cell: (b) => KIND_LABELS[b.kind] },
            { header: 'Size', cell: (b) => size(b.bytes) },
            {
              header: '',
              cell: (b) => (
                <button
                  type="button"
                  disabled={busy}
                  aria-label={`Restore the backup of ${when(b.createdAt)}`}
                  onClick={() => {
                    if (window.confirm(`Restore the backup of ${when(b.createdAt)}? The current data is copied to the backups first.`)) {
                      void run(async () => `Restored ${(await call('data.restore', { name: b.name })).restored}.`);
                    }
                  }}
                >
                  Restore
                </button>
              ),
            },
          ]}
        />
      )}
      {(exports.data?.exports.length ?? 0) > 0 ? (
        <>
          <h3>Exports in {exports.data?.folder}</h3>
          <ul className="closure-list" aria-label="Exports">
            {exports.data!.exports.map((e) => (
              <li key={e.name}>
                <span>
                  {e.name} <span className="muted">· {size(e.bytes)}</span>
                </span>
                {status.data?.memberCount === 0 && !onServer ? (
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() =>
                      void run(async () => {
                        await call('data.importAll', { name: e.name });
                        return `Imported ${e.name}.`;
                      })
                    }
                  >
                    Import into this empty database
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
