import type { KeyboardEvent } from 'react';
import { useNavigation } from '../stores/app-stores';
import { AREAS, type Area } from '../stores/navigation-store';

export const AREA_LABELS: Record<Area, string> = {
  payouts: 'Payouts',
  transactions: 'Transactions',
  balances: 'Balances',
  admin: 'Admin',
  settings: 'Settings',
};

export function NavBar() {
  const area = useNavigation((state) => state.area);
  const go = useNavigation((state) => state.go);

  // Up and down arrows move from the focused entry to the next one and open it,
  // as in any sidebar list.
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const focused = (event.target as HTMLElement).dataset.area as Area | undefined;
    const from = focused && AREAS.includes(focused) ? focused : area;
    const step = event.key === 'ArrowDown' ? 1 : -1;
    const next = AREAS[(AREAS.indexOf(from) + step + AREAS.length) % AREAS.length] ?? area;
    go(next);
    event.currentTarget.querySelector<HTMLButtonElement>(`[data-area="${next}"]`)?.focus();
  };

  return (
    <nav className="nav-bar" aria-label="Main">
      <ul onKeyDown={onKeyDown}>
        {AREAS.map((name) => (
          <li key={name}>
            <button type="button" data-area={name} aria-current={area === name ? 'page' : undefined} onClick={() => go(name)}>
              {AREA_LABELS[name]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
