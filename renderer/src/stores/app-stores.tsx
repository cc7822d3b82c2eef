// Builds every store around one injected api (window.momo in the app, a typed
// fake in tests) and hands them to components through context.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { MomoApi } from '../api/momo-client';
import { createAdminStore, type AdminState } from './admin-store';
import { createErrorStore, type ErrorState } from './error-store';
import { createNavigationStore, type Area, type NavigationState } from './navigation-store';
import { createPayoutsStore, type PayoutsState } from './payouts-store';
import { createSessionStore, type SessionState } from './session-store';

export interface AppStores {
  api: MomoApi;
  errors: StoreApi<ErrorState>;
  navigation: StoreApi<NavigationState>;
  session: StoreApi<SessionState>;
  admin: StoreApi<AdminState>;
  payouts: StoreApi<PayoutsState>;
}

export function createAppStores(api: MomoApi, initialArea?: Area): AppStores {
  const errors = createErrorStore();
  const report = (error: unknown) => errors.getState().report(error);
  const session = createSessionStore(api, report);
  return {
    api,
    errors,
    navigation: createNavigationStore(initialArea),
    session,
    admin: createAdminStore(api, report, () => void session.getState().load()),
    payouts: createPayoutsStore(api, report),
  };
}

const StoresContext = createContext<AppStores | null>(null);

export function StoresProvider({ stores, children }: { stores: AppStores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

export function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores must be used inside StoresProvider');
  return stores;
}

export function useErrors<T>(select: (state: ErrorState) => T): T {
  return useStore(useStores().errors, select);
}
export function useNavigation<T>(select: (state: NavigationState) => T): T {
  return useStore(useStores().navigation, select);
}
export function useSession<T>(select: (state: SessionState) => T): T {
  return useStore(useStores().session, select);
}
export function useAdmin<T>(select: (state: AdminState) => T): T {
  return useStore(useStores().admin, select);
}
export function usePayouts<T>(select: (state: PayoutsState) => T): T {
  return useStore(useStores().payouts, select);
}
