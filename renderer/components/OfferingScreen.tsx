import { useEffect, useRef, useState } from 'react';
import type { OfferingView, StaffView } from '../../main/contract/api';
import { formatDayOf, formatTimeRange } from '../format';
import { useT, type MessageKey, type Translator } from '../i18n';
import { useDay } from '../stores/day';
import { useOffering } from '../stores/offering';
import { CandidateRow } from './CandidateRow';
import { CloseDialog } from './CloseDialog';
import { StatusBadge } from './StatusBadge';

const roleTexts = new Map<string, MessageKey>([
  ['invigilator', 'role.invigilator'],
  ['coordinator', 'role.coordinator'],
  ['assessor', 'role.assessor'],
]);

function describeStaff(t: Translator, member: StaffView): string {
  const key = roleTexts.get(member.role);
  return `${member.displayName} (${key ? t(key) : member.role})`;
}

function OfferingSummary({ offering }: { offering: OfferingView }) {
  const t = useT();
  const timezone = useDay((state) => state.overview?.timezone);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [offering.offeringId]);

  return (
    <div className="offering-summary">
      <div className="offering-summary__title">
        <h2 ref={heading} tabIndex={-1}>
          {offering.name}
        </h2>
        <StatusBadge offering={offering} />
      </div>
      <dl className="facts">
        <div>
          <dt>{t('offering.time')}</dt>
          <dd>
            {formatDayOf(offering.startDateTime, timezone, t.language)},{' '}
            {formatTimeRange(offering.startDateTime, offering.endDateTime, timezone, t.language)}
          </dd>
        </div>
        <div>
          <dt>{t('offering.exam')}</dt>
          <dd>{offering.componentName ?? t('candidates.none')}</dd>
        </div>
        <div>
          <dt>{t('offering.room')}</dt>
          <dd>{offering.locationCode ?? t('candidates.none')}</dd>
        </div>
        <div>
          <dt>{t('offering.staff')}</dt>
          <dd>{offering.staff.length > 0 ? offering.staff.map((member) => describeStaff(t, member)).join(', ') : t('offering.noStaff')}</dd>
        </div>
      </dl>
    </div>
  );
}

function CandidateTable({ offering, readOnly }: { offering: OfferingView; readOnly: boolean }) {
  const t = useT();
  const registered = offering.candidates.filter((candidate) => candidate.attendance !== null).length;

  return (
    <section className="panel" aria-labelledby="candidates-heading">
      <div className="panel__heading">
        <h3 id="candidates-heading">
          {t('candidates.heading')} ({offering.candidates.length})
        </h3>
        <p className="subtle" data-testid="attendance-progress">
          {t('candidates.progress', { registered, total: offering.candidates.length })}
        </p>
      </div>
      {offering.candidates.length === 0 ? (
        <p className="empty">{t('candidates.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table table--candidates">
            <thead>
              <tr>
                <th scope="col">{t('candidates.studentNumber')}</th>
                <th scope="col">{t('candidates.name')}</th>
                <th scope="col">{t('candidates.idCheckName')}</th>
                <th scope="col">{t('candidates.timesAndNeeds')}</th>
                <th scope="col">{t('candidates.attendance')}</th>
                {offering.gradable && <th scope="col">{t('candidates.score')}</th>}
                <th scope="col">{t('candidates.note')}</th>
              </tr>
            </thead>
            <tbody>
              {offering.candidates.map((candidate) => (
                <CandidateRow
                  key={candidate.associationId}
                  candidate={candidate}
                  readOnly={readOnly}
                  scale={offering.gradable ? offering.resultValueType : null}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Irregularities({ offering, readOnly, text, onTextChange }: { offering: OfferingView; readOnly: boolean; text: string; onTextChange: (text: string) => void }) {
  const t = useT();
  const saveIrregularities = useOffering((state) => state.saveIrregularities);
  const changed = text !== (offering.irregularities ?? '');

  function save() {
    if (changed) void saveIrregularities(text);
  }

  return (
    <section className="panel" aria-labelledby="irregularities-heading">
      <h3 id="irregularities-heading">{t('irregularities.heading')}</h3>
      <label htmlFor="irregularities">{t('irregularities.label')}</label>
      <p id="irregularities-hint" className="hint">
        {t('irregularities.hint')}
      </p>
      <textarea
        id="irregularities"
        className="irregularities"
        rows={4}
        value={text}
        readOnly={readOnly}
        aria-describedby="irregularities-hint"
        onChange={(event) => onTextChange(event.target.value)}
        onBlur={save}
      />
      {!readOnly && (
        <div className="actions">
          <button type="button" className="button" onClick={save} disabled={!changed}>
            {t('irregularities.save')}
          </button>
        </div>
      )}
    </section>
  );
}

function ClosePanel({ offering, irregularities }: { offering: OfferingView; irregularities: string }) {
  const t = useT();
  const close = useOffering((state) => state.close);
  const closing = useOffering((state) => state.closing);
  const [confirming, setConfirming] = useState(false);
  // A candidate cancelled upstream need not be registered; nothing is sent for them without attendance.
  const missing = offering.candidates.filter((candidate) => candidate.attendance === null && candidate.state !== 'canceled').length;

  async function confirm() {
    await close(irregularities);
    setConfirming(false);
  }

  return (
    <div className="close-panel">
      <button type="button" className="button button--primary" onClick={() => setConfirming(true)}>
        {t('close.button')}
      </button>
      <CloseDialog open={confirming} missing={missing} busy={closing} onConfirm={() => void confirm()} onCancel={() => setConfirming(false)} />
    </div>
  );
}

function OfferingDetails({ offering }: { offering: OfferingView }) {
  const t = useT();
  const [irregularities, setIrregularities] = useState(offering.irregularities ?? '');
  const readOnly = offering.captureStatus === 'closed';
  const closedNotice = useRef<HTMLParagraphElement>(null);
  const wasReadOnly = useRef(readOnly);

  // Closing removes the close button that had focus, so focus moves to the notice that replaces it.
  useEffect(() => {
    if (readOnly && !wasReadOnly.current) closedNotice.current?.focus();
    wasReadOnly.current = readOnly;
  }, [readOnly]);

  return (
    <>
      <OfferingSummary offering={offering} />
      {offering.offeringState === 'canceled' && <p className="banner banner--warning">{t('offering.canceledNotice')}</p>}
      {readOnly && (
        <p className="banner banner--closed" data-testid="closed-notice" ref={closedNotice} tabIndex={-1}>
          <strong>{t('status.closed')}.</strong> {t('offering.closedNotice')}
        </p>
      )}
      <CandidateTable offering={offering} readOnly={readOnly} />
      <Irregularities offering={offering} readOnly={readOnly} text={irregularities} onTextChange={setIrregularities} />
      {!readOnly && <ClosePanel offering={offering} irregularities={irregularities} />}
    </>
  );
}

export function OfferingScreen() {
  const t = useT();
  const offering = useOffering((state) => state.offering);
  const loading = useOffering((state) => state.loading);
  const saved = useOffering((state) => state.saved);
  const leave = useOffering((state) => state.leave);

  return (
    <div className="offering" aria-busy={loading}>
      <button type="button" className="link-button back-link" onClick={leave}>
        <span aria-hidden="true">← </span>
        {t('offering.back')}
      </button>
      {offering ? <OfferingDetails key={offering.offeringId} offering={offering} /> : <p className="empty">{loading ? t('offering.loading') : null}</p>}
      <p role="status" className="saved-status" data-testid="saved-status">
        {saved ? t(saved.key, saved.params) : null}
      </p>
    </div>
  );
}
