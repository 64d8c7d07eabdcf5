import { useEffect } from 'react';
import { useT } from '../i18n';
import { useDay } from '../stores/day';
import { useOffering } from '../stores/offering';
import { Header } from './Header';
import { Notices } from './Notices';
import { OfferingList } from './OfferingList';
import { OfferingScreen } from './OfferingScreen';

export function App() {
  const t = useT();
  const loadOverview = useDay((state) => state.loadOverview);
  const hasOpenOffering = useOffering((state) => state.openedId !== null);

  useEffect(() => {
    void loadOverview();
  }, [loadOverview]);

  useEffect(() => {
    document.documentElement.lang = t.language;
    document.title = t('app.name');
  }, [t]);

  return (
    <>
      <Header />
      <main className="app-main">
        <Notices />
        {hasOpenOffering ? <OfferingScreen /> : <OfferingList />}
      </main>
    </>
  );
}
