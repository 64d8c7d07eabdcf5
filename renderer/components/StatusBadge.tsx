import type { OfferingView } from '../../main/contract/api';
import { useT } from '../i18n';

/** Shows the capture status of a zitting, or "Geannuleerd" when the planning system canceled it. */
export function StatusBadge({ offering }: { offering: Pick<OfferingView, 'offeringState' | 'captureStatus'> }) {
  const t = useT();
  const status = offering.offeringState === 'canceled' ? 'canceled' : offering.captureStatus;
  return <span className={`badge badge--${status}`}>{t(`status.${status}`)}</span>;
}
