// Which area of the console is on screen.
import { createStore } from 'zustand/vanilla';

export const AREAS = ['payouts', 'transactions', 'balances', 'admin', 'settings'] as const;
export type Area = (typeof AREAS)[number];

export interface NavigationState {
  area: Area;
  go(area: Area): void;
}

export function createNavigationStore(initial: Area = 'payouts') {
  return createStore<NavigationState>()((set) => ({
    area: initial,
    go: (area) => set({ area }),
  }));
}
