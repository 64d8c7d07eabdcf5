import { useEffect, useRef } from 'react';
import { useT } from '../i18n';

interface CloseDialogProps {
  open: boolean;
  /** Number of candidates without an attendance yet. */
  missing: number;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Confirmation before closing a zitting, as a modal `<dialog>` that keeps focus inside. */
export function CloseDialog({ open, missing, busy, onConfirm, onCancel }: CloseDialogProps) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      cancelButton.current?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="close-dialog-title"
      aria-describedby="close-dialog-body"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id="close-dialog-title">{t('close.title')}</h2>
      <div id="close-dialog-body">
        <p className={missing > 0 ? 'dialog__warning' : undefined} data-testid="close-dialog-missing">
          {missing > 0 ? t.plural('close.missing', missing) : t('close.allRegistered')}
        </p>
        <p>{t('close.consequence')}</p>
      </div>
      <div className="dialog__actions">
        <button type="button" className="button" ref={cancelButton} onClick={onCancel} disabled={busy}>
          {t('close.cancel')}
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm} disabled={busy} aria-busy={busy}>
          {t('close.confirm')}
        </button>
      </div>
    </dialog>
  );
}
