import type { DeliverySummary, SyncSummary } from '../../main/contract/api';
import { useT, type Translator } from '../i18n';
import { useNotices } from '../stores/notices';

function describeSync(t: Translator, summary: SyncSummary): string {
  return t('outcome.synced', {
    offerings: t.plural('count.offerings', summary.offerings),
    candidates: t.plural('count.candidates', summary.candidates),
  });
}

function describeDelivery(t: Translator, summary: DeliverySummary): string {
  const sent = t.plural('count.messagesSent', summary.delivered);
  if (summary.rejected === 0) return t('outcome.delivered', { sent, queued: summary.queued });
  return t('outcome.deliveredWithRejected', { sent, queued: summary.queued, rejected: summary.rejected });
}

function ErrorAlert() {
  const t = useT();
  const error = useNotices((state) => state.error);
  const dismissError = useNotices((state) => state.dismissError);

  return (
    <div role="alert" className="notice-slot">
      {error && (
        <div className="notice notice--error">
          <p>
            <strong>{t('error.title')}.</strong> <span data-testid="error-message">{error}</span>
          </p>
          <button type="button" className="notice__close" onClick={dismissError} aria-label={t('error.dismiss')}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}

function OutcomeStatus() {
  const t = useT();
  const outcome = useNotices((state) => state.outcome);
  const dismissOutcome = useNotices((state) => state.dismissOutcome);

  let text: string | null = null;
  // Sync warnings (another OKE version) and delivery failures, one line each.
  let details: string[] = [];
  if (outcome?.kind === 'synced') {
    text = describeSync(t, outcome.summary);
    details = outcome.summary.warnings;
  }
  if (outcome?.kind === 'delivered') {
    text = describeDelivery(t, outcome.summary);
    details = outcome.summary.failures.map((failure) => failure.message);
  }

  return (
    <div role="status" className="notice-slot">
      {text && (
        <div className={details.length > 0 ? 'notice notice--warning' : 'notice notice--success'}>
          <div>
            <p data-testid="outcome-message">{text}</p>
            {details.length > 0 && (
              <ul className="notice__failures">
                {details.map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            )}
          </div>
          <button type="button" className="notice__close" onClick={dismissOutcome} aria-label={t('outcome.dismiss')}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}

export function Notices() {
  return (
    <div className="notices">
      <ErrorAlert />
      <OutcomeStatus />
    </div>
  );
}
