import { useState } from 'react';
import { SimpleTable } from '../../components/SimpleTable';
import { Link } from 'wouter';
import { type ImportReport, MEMBER_CSV_COLUMNS } from '@shared/contract/members.contract';
import { ApiCallError, call } from '../../api/client';
import { FieldShell } from '../../components/Field';
import { downloadText } from '../../components/format';

const TEMPLATE = `${MEMBER_CSV_COLUMNS.filter((c) => c !== 'number').join(',')}\r\nAna Ribeiro,ana@example.coop,+44 7700 900123,Ribeiro Design,Brand identity and web design,ribeiro.example.coop,2025-03-14,active,member,web design; branding,copywriting,\r\n`;

/** Import members from CSV: a dry run shows what would be created or rejected and why, then import. */
export function ImportMembers() {
  const [fileName, setFileName] = useState('');
  const [csv, setCsv] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(text: string, dryRun: boolean) {
    setBusy(true);
    setError(null);
    try {
      setReport(await call('members.importCsv', { csv: text, dryRun }));
    } catch (e) {
      setReport(null);
      setError(e instanceof ApiCallError ? (e.fields.csv ?? e.message) : String(e));
    } finally {
      setBusy(false);
    }
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    const text = await file.text();
    setFileName(file.name);
    setCsv(text);
    await run(text, true);
  }

  const done = report && !report.dryRun;

  return (
    <section className="page" aria-labelledby="import-title">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/members">Members</Link> / <span>Import</span>
      </nav>
      <header className="page-header">
        <h1 id="import-title">Import members from CSV</h1>
        <div className="actions">
          <button type="button" onClick={() => downloadText('coopdesk-members-template.csv', TEMPLATE)}>
            Download a template
          </button>
        </div>
      </header>
      <p className="muted">
        One member per row with a header row. Required columns: <code>name</code>, <code>email</code>. Optional:{' '}
        {MEMBER_CSV_COLUMNS.filter((c) => !['number', 'name', 'email'].includes(c)).map((c, i) => (
          <span key={c}>
            {i > 0 ? ', ' : ''}
            <code>{c}</code>
          </span>
        ))}
        . Separate tags with semicolons. Nothing is saved until you confirm.
      </p>
      <FieldShell label="CSV file" error={error ?? undefined} hint={fileName || 'Choose a .csv file exported from your spreadsheet'}>
        {({ id, describedBy }) => (
          <input id={id} type="file" accept=".csv,text/csv" aria-describedby={describedBy} onChange={(e) => void onFile(e.target.files?.[0])} />
        )}
      </FieldShell>

      {busy ? (
        <p role="status" className="muted">
          Checking the file…
        </p>
      ) : null}

      {report ? (
        <div className="card" aria-label="Import report" role="region">
          <h2 aria-live="polite">
            {report.dryRun
              ? `${report.created} ${report.created === 1 ? 'member' : 'members'} will be created, ${report.rejected} rejected`
              : `${report.created} ${report.created === 1 ? 'member' : 'members'} imported, ${report.rejected} rejected`}
          </h2>
          <SimpleTable
            label="Rows in the file"
            className="data-table compact import-table"
            rows={report.rows}
            rowKey={(r) => r.line}
            rowClassName={(r) => (r.outcome === 'reject' ? 'row-rejected' : undefined)}
            columns={[
              { header: 'Line', cell: (r) => r.line },
              { header: 'Name', cell: (r) => r.name || <span className="muted">(empty)</span> },
              { header: 'Email', cell: (r) => r.email || <span className="muted">(empty)</span> },
              {
                header: 'Outcome',
                cell: (r) => (
                  <span className={r.outcome === 'create' ? 'badge badge-active' : 'badge badge-left'}>
                    {r.outcome === 'create' ? (report.dryRun ? 'will be created' : 'created') : 'rejected'}
                  </span>
                ),
              },
              {
                header: 'Why',
                cell: (r) =>
                  Object.entries(r.errors)
                    .map(([column, message]) => `${column}: ${message}`)
                    .join('; '),
              },
            ]}
          />
          <div className="actions">
            {report.dryRun && report.created > 0 ? (
              <button type="button" className="button-primary" disabled={busy} onClick={() => void run(csv, false)}>
                Import {report.created} {report.created === 1 ? 'member' : 'members'}
              </button>
            ) : null}
            {done ? (
              <Link href="/members" className="button button-primary">
                Go to members
              </Link>
            ) : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}
