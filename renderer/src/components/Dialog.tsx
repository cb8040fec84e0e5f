import { type ReactNode, useEffect, useId, useRef } from 'react';

const FOCUSABLE = 'input:not([type=hidden]), select, textarea, button, [href], [tabindex]:not([tabindex="-1"])';

/** A modal dialog on the native <dialog>: focus trap, Escape to close, a title for screen readers. */
export function Dialog({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (typeof dialog.showModal === 'function' && !dialog.open) dialog.showModal();
    else dialog.setAttribute('open', '');
    // showModal focuses the first button, which is Close: a person opening a dialog means to type.
    const first = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].find((el) => !el.closest('.dialog-header') && !el.hasAttribute('disabled'));
    (dialog.querySelector<HTMLElement>('[data-autofocus]') ?? first)?.focus();
    return () => {
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
