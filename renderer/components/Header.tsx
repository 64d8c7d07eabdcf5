import { useDay } from '../stores/day';
import { useOffering } from '../stores/offering';
import { useLanguage, useT, type Language } from '../i18n';
import { formatDate, formatDateTime } from '../format';

const languages: Language[] = ['nl', 'en'];

function DatePicker() {
  const t = useT();
  const overview = useDay((state) => state.overview);
  const date = useDay((state) => state.date);
  const chooseDate = useDay((state) => state.chooseDate);
  const leave = useOffering((state) => state.leave);

  function showDate(value: string) {
    chooseDate(value);
    leave();
  }

  const today = overview?.today;
  const dates = [...new Set([...(overview?.dates ?? []), ...(today ? [today] : []), ...(date ? [date] : [])])].sort();

  return (
    <div className="field">
      <label htmlFor="day-date">{t('header.date')}</label>
      <select id="day-date" value={date ?? ''} disabled={!overview} onChange={(event) => showDate(event.target.value)}>
        {dates.map((value) => (
          <option key={value} value={value}>
            {value === today ? t('header.today', { date: formatDate(value, t.language) }) : formatDate(value, t.language)}
          </option>
        ))}
      </select>
    </div>
  );
}

function LocationFilter() {
  const t = useT();
  const locations = useDay((state) => state.overview?.locations);
  const location = useDay((state) => state.location);
  const chooseLocation = useDay((state) => state.chooseLocation);
  const leave = useOffering((state) => state.leave);

  function showLocation(value: string | null) {
    chooseLocation(value);
    leave();
  }

  return (
    <div className="field">
      <label htmlFor="day-location">{t('header.location')}</label>
      <select id="day-location" value={location ?? ''} onChange={(event) => showLocation(event.target.value || null)}>
        <option value="">{t('header.allLocations')}</option>
        {(locations ?? []).map((code) => (
          <option key={code} value={code}>
            {code}
          </option>
        ))}
      </select>
    </div>
  );
}

function SyncControls() {
  const t = useT();
  const syncing = useDay((state) => state.syncing);
  const delivering = useDay((state) => state.delivering);
  const sync = useDay((state) => state.sync);
  const deliver = useDay((state) => state.deliver);
  const queued = useDay((state) => state.overview?.outbox.queued ?? 0);
  const lastSync = useDay((state) => state.overview?.lastSync?.finishedAt);
  const timezone = useDay((state) => state.overview?.timezone);

  return (
    <div className="sync-controls">
      <button type="button" className="button" onClick={() => void sync()} disabled={syncing} aria-busy={syncing}>
        {syncing ? t('header.syncing') : t('header.sync')}
      </button>
      <button type="button" className="button" onClick={() => void deliver()} disabled={delivering} aria-busy={delivering}>
        {delivering ? t('header.delivering') : t('header.deliver')}
      </button>
      <p className="queue" data-testid="outbox-queued" title={t.plural('header.queueDescription', queued)}>
        {t('header.queue')} <span className={queued > 0 ? 'queue-count queue-count--waiting' : 'queue-count'}>{queued}</span>
      </p>
      <p className="last-sync">{lastSync ? t('header.lastSync', { dateTime: formatDateTime(lastSync, timezone, t.language) }) : t('header.neverSynced')}</p>
    </div>
  );
}

function LanguageToggle() {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const setLanguage = useLanguage((state) => state.setLanguage);

  return (
    <div className="language-toggle" role="group" aria-label={t('language.label')}>
      {languages.map((value) => (
        <button
          key={value}
          type="button"
          lang={value}
          title={t(`language.${value}`)}
          aria-pressed={language === value}
          onClick={() => setLanguage(value)}
        >
          {value.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

export function Header() {
  const t = useT();
  return (
    <header className="app-header">
      <div className="app-header__title">
        <h1>{t('app.name')}</h1>
        <LanguageToggle />
      </div>
      <div className="app-header__controls">
        <DatePicker />
        <LocationFilter />
        <SyncControls />
      </div>
    </header>
  );
}
