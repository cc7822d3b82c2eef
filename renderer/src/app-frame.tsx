// The frame around every area: header with the active profile, navigation,
// the error surface, and the area on screen.
import { useEffect, type ComponentType } from 'react';
import { AdminArea } from './areas/admin-area';
import { BalancesArea } from './areas/balances-area';
import { PayoutsArea } from './areas/payouts-area';
import { SettingsArea } from './areas/settings-area';
import { TransactionsArea } from './areas/transactions-area';
import { ErrorBanner } from './components/error-banner';
import { NavBar } from './components/nav-bar';
import { ProfileBadge } from './components/profile-badge';
import { useNavigation, useSession, useStores } from './stores/app-stores';
import type { Area } from './stores/navigation-store';

const AREA_COMPONENTS: Record<Area, ComponentType> = {
  payouts: PayoutsArea,
  transactions: TransactionsArea,
  balances: BalancesArea,
  admin: AdminArea,
  settings: SettingsArea,
};

export function AppFrame() {
  const { session } = useStores();
  const area = useNavigation((state) => state.area);
  const kind = useSession((state) => state.profile?.kind);
  useEffect(() => {
    void session.getState().load();
  }, [session]);
  const Area = AREA_COMPONENTS[area];
  return (
    <div className={`app-frame${kind === 'production' ? ' app-frame--production' : ''}`}>
      <header className="app-header">
        <span className="app-header__title">MoMo Console</span>
        <ProfileBadge />
      </header>
      <NavBar />
      <main className="app-main">
        <ErrorBanner />
        <Area key={area} />
      </main>
    </div>
  );
}
