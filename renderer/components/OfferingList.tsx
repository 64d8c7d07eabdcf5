import { useEffect, useRef } from 'react';
import type { OfferingView } from '../../main/contract/api';
import { formatDate, formatTimeRange } from '../format';
import { useT } from '../i18n';
import { useDay } from '../stores/day';
import { useOffering } from '../stores/offering';
import { StatusBadge } from './StatusBadge';

function OfferingRow({ offering, timezone }: { offering: OfferingView; timezone: string | undefined }) {
  const t = useT();
  const open = useOffering((state) => state.open);
  const canceled = offering.offeringState === 'canceled';

  return (
    <tr
      data-testid="offering-row"
      data-offering-id={offering.offeringId}
      data-location-code={offering.locationCode ?? ''}
      className={canceled ? 'row--canceled' : undefined}>
      <td className="nowrap">{formatTimeRange(offering.startDateTime, offering.endDateTime, timezone, t.language)}</td>
      <th scope="row">
        <button type="button" className="link-button" onClick={() => void open(offering.offeringId)}>
          {offering.name}
        </button>
      </th>
      <td>{offering.componentName ?? t('candidates.none')}</td>
      <td>{offering.locationCode ?? t('candidates.none')}</td>
      <td className="numeric">{offering.candidates.length}</td>
      <td>
        <StatusBadge offering={offering} />
      </td>
    </tr>
  );
}

export function OfferingList() {
  const t = useT();
  const date = useDay((state) => state.date);
  const location = useDay((state) => state.location);
  const offerings = useDay((state) => state.offerings);
  const loading = useDay((state) => state.loadingOfferings);
  const timezone = useDay((state) => state.overview?.timezone);
  const loadOfferings = useDay((state) => state.loadOfferings);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void loadOfferings();
  }, [date, location, loadOfferings]);

  useEffect(() => {
    if (document.activeElement === document.body) heading.current?.focus();
  }, []);

  return (
    <section className="panel" aria-labelledby="offerings-heading" aria-busy={loading}>
      <div className="panel__heading">
        <h2 id="offerings-heading" ref={heading} tabIndex={-1}>
          {t('list.heading')}
        </h2>
        {date && <p className="subtle">{t('list.subheading', { date: formatDate(date, t.language), location: location ?? t('header.allLocations') })}</p>}
      </div>

      {offerings.length === 0 ? (
        <p className="empty">{loading ? t('list.loading') : t('list.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('list.time')}</th>
              <th scope="col">{t('list.name')}</th>
              <th scope="col">{t('list.exam')}</th>
              <th scope="col">{t('list.room')}</th>
              <th scope="col" className="numeric">
                {t('list.candidates')}
              </th>
              <th scope="col">{t('list.status')}</th>
            </tr>
          </thead>
          <tbody>
            {offerings.map((offering) => (
              <OfferingRow key={offering.offeringId} offering={offering} timezone={timezone} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
