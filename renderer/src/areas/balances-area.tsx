// Balances (treasury): the money in each MoMo product account of the active
// profile, one card per product, and a chart of a product's balance over
// time. The stored readings are shown first (read once at MoMo when there are
// none yet); the console's timer, or anyone's refresh, pushes new ones.
import { useCallback, useEffect, useRef, useState } from 'react';
import { callApi } from '../api/momo-client';
import { AreaPage } from '../components/area-page';
import { useSession, useStores } from '../stores/app-stores';
import { BalanceCard, formatWhen, type Balances } from './balances/balance-card';
import { BalanceChart } from './balances/balance-chart';
import './balances/balances.css';

function readAt(balances: Balances, profileName: string | null): string {
  const who = profileName ?? balances.profileId;
  const times = balances.readings
    .map((reading) => reading.at)
    .filter((at): at is string => at !== null)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  const earliest = times[0];
  const latest = times[times.length - 1];
  if (earliest === undefined || latest === undefined) return `${who}: no balance has been read yet.`;
  if (formatWhen(earliest) === formatWhen(latest)) return `${who}: balances as read at MoMo on ${formatWhen(latest)}.`;
  return `${who}: balances as read at MoMo between ${formatWhen(earliest)} and ${formatWhen(latest)}.`;
}

export function BalancesArea() {
  const { api, errors, session } = useStores();
  const profile = useSession((state) => state.profile);
  const [balances, setBalances] = useState<Balances | null>(null);
  const [busy, setBusy] = useState(false);
  /** Read in another currency than the profile's (MoMo's balance per currency); empty for the profile's own. */
  const [currency, setCurrency] = useState('');
  const currencyOk = currency === '' || /^[A-Z]{3}$/.test(currency);
  /** Bumped whenever new readings may have been stored, so the chart reads its history again. */
  const [version, setVersion] = useState(0);
  /** Counts pushed events of the active profile, so a call that was answered after a newer event does not overwrite it. */
  const pushed = useRef(0);
  const profileId = profile?.id ?? null;
  const shownProfileId = balances?.profileId ?? null;

  const load = useCallback(
    async (refresh: boolean, currency?: string): Promise<Balances | null> => {
      const seen = pushed.current;
      setBusy(true);
      try {
        const next = await callApi(api, 'getBalances', { refresh, ...(currency ? { currency } : {}) });
        if (pushed.current === seen) setBalances(next);
        if (refresh) setVersion((n) => n + 1);
        return next;
      } catch (error) {
        errors.getState().report(error);
        return null;
      } finally {
        setBusy(false);
      }
    },
    [api, errors],
  );

  useEffect(() => {
    let mounted = true;
    void load(false).then((first) => {
      if (mounted && first !== null && !first.readings.some((reading) => reading.available !== null)) void load(true);
    });
    return () => {
      mounted = false;
    };
  }, [load]);

  useEffect(
    () =>
      api.onBalances((next) => {
        // Readings of another profile than the active one (pushed just before a switch) are not this page's,
        // and must not count as newer than the active profile's answer.
        const active = session.getState().profile;
        if (active !== null && next.profileId !== active.id) return;
        pushed.current += 1;
        setBalances(next);
        setVersion((n) => n + 1);
      }),
    [api, session],
  );

  // Another profile became active while this area was open: show its balances.
  useEffect(() => {
    if (profileId !== null && shownProfileId !== null && profileId !== shownProfileId) void load(false);
  }, [profileId, shownProfileId, load]);

  const profileName = profile !== null && balances !== null && profile.id === balances.profileId ? profile.name : null;

  return (
    <AreaPage title="Balances" summary="The money in each MoMo product account of the active profile.">
      <div className="balance-toolbar">
        <label className="field balance-currency">
          <span>Currency (optional)</span>
          <input value={currency} onChange={(event) => setCurrency(event.target.value.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 3))} placeholder={profile?.currency ?? 'EUR'} autoComplete="off" aria-invalid={!currencyOk} />
        </label>
        <button type="button" className="button" disabled={busy || !currencyOk} onClick={() => void load(true, currency || undefined)}>
          Refresh balances
        </button>
        {busy && <progress aria-label="Reading balances at MoMo" />}
        <p role="status" className="muted">
          {balances === null ? (busy ? 'Reading balances…' : 'No balances yet.') : readAt(balances, profileName)}
        </p>
      </div>
      {balances !== null && balances.readings.length === 0 && <p className="muted">This profile has no MoMo product to read a balance from.</p>}
      {balances !== null && balances.readings.length > 0 && (
        <div className="balance-grid">
          {balances.readings.map((reading) => (
            <BalanceCard key={reading.product} reading={reading} onChanged={setBalances} />
          ))}
        </div>
      )}
      {shownProfileId !== null && <BalanceChart stamp={`${shownProfileId}:${version}`} />}
    </AreaPage>
  );
}
