import type { OfferingView } from '../../main/contract/api';
import { useT } from '../i18n';

/** States of a zitting that OKE defines; any other value is shown as the planning system sent it. */
const knownOfferingStates = new Set(['active', 'canceled']);

/**
 * Shows the capture status of a zitting, "Geannuleerd" when the planning
 * system canceled it, and an unknown offering state beside the status.
 */
export function StatusBadge({ offering }: { offering: Pick<OfferingView, 'offeringState' | 'captureStatus'> }) {
  const t = useT();
  const status = offering.offeringState === 'canceled' ? 'canceled' : offering.captureStatus;
  return (
    <>
      <span className={`badge badge--${status}`}>{t(`status.${status}`)}</span>
      {!knownOfferingStates.has(offering.offeringState) && (
        <span className="badge badge--unknown">{t('status.unknownState', { state: offering.offeringState })}</span>
      )}
    </>
  );
}
