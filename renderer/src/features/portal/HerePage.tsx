import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { CheckedInHere } from '@shared/contract/portal.contract';
import { ApiCallError, call } from '../../api/client';

/** Opened by a QR code at the desk or on a room's door: checks the member in (and into their booking of that room) at once. */
export function HerePage({ bookableId }: { bookableId?: string }) {
  const [result, setResult] = useState<CheckedInHere | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sent = useRef(false);
  useEffect(() => {
    // once per scan, also under React's double effects in development
    if (sent.current) return;
    sent.current = true;
    call('portal.checkInHere', bookableId ? { bookableId } : {}).then(setResult, (e: unknown) => setError(e instanceof ApiCallError ? e.message : String(e)));
  }, [bookableId]);
  return (
    <section className="card stack" aria-labelledby="here-title">
      <h1 id="here-title">Check in</h1>
      {!result && !error ? (
        <p role="status" aria-busy="true">
          Checking you in…
        </p>
      ) : null}
      {result ? (
        <p role="status" className="notice">
          {result.message}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <Link href="/">Back to today</Link>
    </section>
  );
}
