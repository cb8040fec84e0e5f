import type { ReactNode } from 'react';

/** What went wrong that concerns no single field, said with the form's buttons. */
export function FormError({ message }: { message?: string | null }) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}

/** A form's closing row: its error, then its buttons, and what was saved once it was. */
export function FormActions({ error, saved, children }: { error?: string | null; saved?: string | null; children: ReactNode }) {
  return (
    <>
      <FormError message={error} />
      <div className="actions">
        {children}
        {saved ? (
          <p className="saved" role="status">
            {saved}
          </p>
        ) : null}
      </div>
    </>
  );
}
