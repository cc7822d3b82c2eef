// Balances (treasury) against a fake window.momo: the product cards with their
// amounts, low-balance warning and problem; refresh; pushed readings; the
// warning threshold form; and the chart of a product's balance over time.
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../preload/contract';
import { BalancesArea } from '../../../renderer/src/areas/balances-area';
import { ErrorBanner } from '../../../renderer/src/components/error-banner';
import { createAppStores, StoresProvider } from '../../../renderer/src/stores/app-stores';
import { createFakeMomoApi } from '../fake-momo-api';

afterEach(cleanup);

type Balances = EventPayload<'balances'>;
type Reading = Balances['readings'][number];

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function reading(product: Reading['product'], changes: Partial<Reading> = {}): Reading {
  return { product, currency: 'EUR', available: '5000.00', at: '2026-12-01T12:00:00.000Z', threshold: null, low: false, problem: null, ...changes };
}

function renderBalances(fake = createFakeMomoApi()) {
  const stores = createAppStores(fake.api);
  render(
    <StoresProvider stores={stores}>
      <ErrorBanner />
      <BalancesArea />
    </StoresProvider>,
  );
  return { ...fake, stores };
}

const card = (name: string) => screen.findByRole('article', { name: `${name} balance` });
const callsTo = (calls: { channel: string; args: unknown }[], channel: string) => calls.filter((call) => call.channel === channel).map((call) => call.args);

describe('Balances: product cards', () => {
  it('shows each product’s amount with grouped thousands, when it was read, the low warning and the problem', async () => {
    const { calls } = renderBalances();
    const collection = await card('Collection');
    expect(collection.textContent).toContain('150,000.00 EUR');
    expect(collection.textContent).toContain(`as of ${when('2026-12-01T12:00:00.000Z')}`);
    expect(collection.textContent).toContain('No warning threshold set.');
    expect(collection.querySelector('.balance-low')).toBeNull();

    const disbursement = await card('Disbursement');
    expect(disbursement.textContent).toContain('900.00 EUR');
    const warning = disbursement.querySelector('.balance-low');
    expect(warning?.textContent).toContain('below the warning threshold of 1,000.00 EUR');
    expect(disbursement.textContent).toContain('Warning threshold: 1,000.00 EUR');

    const remittance = await card('Remittance');
    expect(remittance.textContent).toContain('No subscription key for remittance.');
    expect(remittance.textContent).not.toContain('as of');
    expect(remittance.querySelector('.balance-low')).toBeNull();

    expect(screen.getByRole('status').textContent).toContain(when('2026-12-01T12:00:00.000Z'));
    // Stored readings were there, so MoMo was not asked again on opening.
    expect(callsTo(calls, 'getBalances')).toEqual([{ refresh: false }]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('reads the balances at MoMo once on opening when no product has a reading yet', async () => {
    const empty: Balances = {
      profileId: 'local-sandbox',
      currency: 'EUR',
      readings: [reading('collection', { available: null, at: null }), reading('disbursement', { available: null, at: null }), reading('remittance', { available: null, at: null })],
    };
    const fresh: Balances = { ...empty, readings: [reading('collection', { available: '1234567.5', at: '2026-12-02T08:30:00.000Z' }), ...empty.readings.slice(1)] };
    const { calls } = renderBalances(createFakeMomoApi({ getBalances: (args) => ({ ok: true, value: args.refresh ? fresh : empty }) }));
    await waitFor(() => expect(callsTo(calls, 'getBalances')).toEqual([{ refresh: false }, { refresh: true }]));
    expect((await card('Collection')).textContent).toContain('1,234,567.5 EUR');
  });

  it('“Refresh balances” reads them at MoMo, shows progress meanwhile, and shows the new time', async () => {
    const { calls } = renderBalances();
    await card('Collection');
    await waitFor(() => expect(callsTo(calls, 'getBalanceHistory')).toHaveLength(1));
    expect(document.querySelector('progress')).toBeNull();
    const user = userEvent.setup();
    const button = screen.getByRole('button', { name: 'Refresh balances' });
    const clicked = user.click(button);
    await waitFor(() => expect(document.querySelector('progress')).not.toBeNull());
    await clicked;
    expect(callsTo(calls, 'getBalances')).toContainEqual({ refresh: true });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain(when('2026-12-01T12:05:00.000Z')));
    expect((await card('Collection')).textContent).toContain(`as of ${when('2026-12-01T12:05:00.000Z')}`);
    expect(document.querySelector('progress')).toBeNull();
    // The chart reads its history again, now that a new reading is stored.
    await waitFor(() => expect(callsTo(calls, 'getBalanceHistory')).toHaveLength(2));
  });

  it('reads in another currency when one is typed; letters only, three of them', async () => {
    const { calls } = renderBalances();
    await card('Collection');
    const user = userEvent.setup();
    const input = screen.getByLabelText<HTMLInputElement>('Currency (optional)');
    await user.type(input, 'u1gxz');
    expect(input.value).toBe('UGX');
    await user.click(screen.getByRole('button', { name: 'Refresh balances' }));
    expect(callsTo(calls, 'getBalances')).toContainEqual({ refresh: true, currency: 'UGX' });
    await user.clear(input);
    await user.type(input, 'ug');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Refresh balances' }).disabled).toBe(true);
  });

  it('replaces the cards when new readings are pushed', async () => {
    const fake = renderBalances();
    expect((await card('Collection')).textContent).toContain('150,000.00 EUR');
    const historyCalls = () => callsTo(fake.calls, 'getBalanceHistory').length;
    await waitFor(() => expect(historyCalls()).toBeGreaterThan(0));
    const before = historyCalls();
    fake.pushBalances({
      profileId: 'local-sandbox',
      currency: 'EUR',
      readings: [
        reading('collection', { available: '2500000.25', at: '2026-12-01T13:00:00.000Z' }),
        reading('disbursement', { available: '50000.00', at: '2026-12-01T13:00:00.000Z', threshold: '1000.00' }),
        reading('remittance', { available: '75.00', at: '2026-12-01T13:00:00.000Z' }),
      ],
    });
    await waitFor(async () => expect((await card('Collection')).textContent).toContain('2,500,000.25 EUR'));
    const disbursement = await card('Disbursement');
    expect(disbursement.textContent).toContain('50,000.00 EUR');
    expect(disbursement.querySelector('.balance-low')).toBeNull();
    expect((await card('Remittance')).textContent).not.toContain('No subscription key');
    expect(screen.getByRole('status').textContent).toContain(when('2026-12-01T13:00:00.000Z'));
    // The chart reads its history again after new readings.
    await waitFor(() => expect(historyCalls()).toBeGreaterThan(before));
  });

  it('ignores readings pushed for a profile that is no longer the active one, and shows the new profile’s', async () => {
    const local = { id: 'local-sandbox', name: 'Local sandbox', kind: 'local', environment: 'sandbox', currency: 'EUR' } as const;
    const uganda = { id: 'uganda', name: 'MTN Uganda live', kind: 'production', environment: 'mtnuganda', currency: 'UGX' } as const;
    let active: typeof local | typeof uganda = local;
    const ugandaBalances: Balances = {
      profileId: 'uganda',
      currency: 'UGX',
      readings: [
        reading('collection', { currency: 'UGX', available: '777000', at: '2026-12-01T14:00:00.000Z' }),
        reading('disbursement', { currency: 'UGX', available: '888000', at: '2026-12-01T14:00:00.000Z' }),
      ],
    };
    const fake = createFakeMomoApi({ getActiveProfile: () => ({ ok: true, value: active }) });
    // The new profile's balances are read slowly: the old profile's push arrives meanwhile.
    const original = fake.api.getBalances;
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    fake.api.getBalances = async (args) => {
      if (active.id !== 'uganda') return original(args);
      await gate;
      return { ok: true, value: ugandaBalances };
    };
    const rendered = renderBalances(fake);
    await act(() => rendered.stores.session.getState().load());
    expect((await card('Collection')).textContent).toContain('150,000.00 EUR');

    active = uganda;
    await act(() => rendered.stores.session.getState().load());
    await act(async () =>
      fake.pushBalances({ profileId: 'local-sandbox', currency: 'EUR', readings: [reading('collection', { available: '1.00', at: '2026-12-01T14:30:00.000Z' }), reading('disbursement', { available: '2.00' })] }),
    );
    await act(async () => {
      release();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    await waitFor(async () => expect((await card('Collection')).textContent).toContain('777,000 UGX'));
    expect((await card('Disbursement')).textContent).toContain('888,000 UGX');
    expect(screen.queryByText(/1\.00 EUR/)).toBeNull();
    expect(screen.queryByRole('article', { name: 'Remittance balance' })).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('MTN Uganda live: balances as read at MoMo');

    // A push for the active profile is still shown.
    await act(async () => fake.pushBalances({ ...ugandaBalances, readings: [reading('collection', { currency: 'UGX', available: '999000', at: '2026-12-01T15:00:00.000Z' })] }));
    await waitFor(async () => expect((await card('Collection')).textContent).toContain('999,000 UGX'));
  });

  it('stops listening to pushed readings once the area is closed', async () => {
    const fake = createFakeMomoApi();
    const subscribe = fake.api.onBalances;
    let listening = 0;
    fake.api.onBalances = (listener) => {
      listening += 1;
      const unsubscribe = subscribe(listener);
      return () => {
        listening -= 1;
        return unsubscribe();
      };
    };
    renderBalances(fake);
    await card('Collection');
    expect(listening).toBe(1);
    cleanup();
    expect(listening).toBe(0);
  });
});

describe('Balances: warning threshold', () => {
  it('sets the typed threshold and shows the answer', async () => {
    const fake = createFakeMomoApi({
      setBalanceThreshold: (args) => ({
        ok: true,
        value: {
          profileId: 'local-sandbox',
          currency: 'EUR',
          readings: [
            reading('collection', { available: '150000.00', threshold: args.amount, low: args.amount !== null }),
            reading('disbursement', { available: '900.00', threshold: '1000.00', low: true }),
            reading('remittance', { available: null, at: null, problem: 'No subscription key for remittance.' }),
          ],
        },
      }),
    });
    const { calls } = renderBalances(fake);
    const collection = await card('Collection');
    const user = userEvent.setup();
    await user.type(within(collection).getByLabelText('Warning threshold (EUR)'), '200,000.50');
    await user.click(within(collection).getByRole('button', { name: 'Set threshold' }));
    expect(callsTo(calls, 'setBalanceThreshold')).toEqual([{ product: 'collection', amount: '200000.50' }]);
    await waitFor(() => expect(collection.textContent).toContain('Warning threshold: 200,000.50 EUR'));
    expect(collection.querySelector('.balance-low')?.textContent).toContain('warning threshold of 200,000.50 EUR');
    expect(within(collection).getByLabelText<HTMLInputElement>('Warning threshold (EUR)').value).toBe('');

    await user.click(within(collection).getByRole('button', { name: 'Clear threshold' }));
    expect(callsTo(calls, 'setBalanceThreshold')).toContainEqual({ product: 'collection', amount: null });
    await waitFor(() => expect(collection.textContent).toContain('No warning threshold set.'));
  });

  it('a threshold of zero is accepted and sent', async () => {
    const { calls } = renderBalances();
    const collection = await card('Collection');
    const user = userEvent.setup();
    await user.type(within(collection).getByLabelText('Warning threshold (EUR)'), '0');
    await user.click(within(collection).getByRole('button', { name: 'Set threshold' }));
    expect(collection.querySelector('.balance-field-error')).toBeNull();
    expect(callsTo(calls, 'setBalanceThreshold')).toEqual([{ product: 'collection', amount: '0' }]);
  });

  it('an amount that is not an amount sends nothing and names the field', async () => {
    const { calls } = renderBalances();
    const disbursement = await card('Disbursement');
    const input = within(disbursement).getByLabelText<HTMLInputElement>('Warning threshold (EUR)');
    const user = userEvent.setup();
    for (const typed of ['12abc', '-5', '1.000,50', '0.1234567']) {
      await user.clear(input);
      await user.type(input, typed);
      await user.click(within(disbursement).getByRole('button', { name: 'Set threshold' }));
      const message = disbursement.querySelector('.balance-field-error');
      expect(message?.textContent).toContain('Warning threshold (EUR)');
      expect(message?.textContent).toContain(`"${typed}" is not an amount`);
      expect(input.getAttribute('aria-invalid')).toBe('true');
    }
    expect(callsTo(calls, 'setBalanceThreshold')).toEqual([]);
    await user.clear(input);
    await user.type(input, '750');
    expect(disbursement.querySelector('.balance-field-error')).toBeNull();
  });

  it('a refused threshold is reported in the error banner', async () => {
    renderBalances(createFakeMomoApi({ setBalanceThreshold: { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'amount: too many digits' } } }));
    const collection = await card('Collection');
    const user = userEvent.setup();
    await user.type(within(collection).getByLabelText('Warning threshold (EUR)'), '10');
    await user.click(within(collection).getByRole('button', { name: 'Set threshold' }));
    expect((await screen.findByRole('alert')).textContent).toContain('amount: too many digits');
    expect(collection.textContent).toContain('150,000.00 EUR');
  });
});

describe('Balances: chart', () => {
  const figure = () => screen.findByRole('figure', { name: 'Balance over time' });

  it('draws the stored readings of disbursement over 30 days: a line and labelled axes', async () => {
    const { calls } = renderBalances();
    const chart = await figure();
    await waitFor(() => expect(chart.querySelector('svg .recharts-line-curve')).not.toBeNull());
    expect(callsTo(calls, 'getBalanceHistory')).toContainEqual({ product: 'disbursement', days: 30 });
    const path = chart.querySelector('svg .recharts-line-curve')?.getAttribute('d') ?? '';
    // One segment per reading: a move then eleven lines for the twelve fake readings.
    expect(path.startsWith('M')).toBe(true);
    expect(path.match(/L/g)?.length).toBe(11);
    const ticks = Array.from(chart.querySelectorAll('.recharts-cartesian-axis-tick-value')).map((tick) => tick.textContent);
    expect(ticks).toContain('100,000');
    expect(ticks.some((tick) => /^\d{1,2} Nov$/.test(tick ?? ''))).toBe(true);
    const caption = within(chart).getByText(/Disbursement available balance over the last 30 days/);
    expect(caption.textContent).toContain('12 readings, from 100,000 on');
    expect(caption.textContent).toContain('to 45,000 on');
  });

  it('reads the chosen product’s and range’s history', async () => {
    const { calls } = renderBalances();
    const chart = await figure();
    await waitFor(() => expect(chart.querySelector('svg .recharts-line-curve')).not.toBeNull());
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Product'), 'collection');
    expect(callsTo(calls, 'getBalanceHistory')).toContainEqual({ product: 'collection', days: 30 });
    await waitFor(() => expect(within(chart).getByText(/Collection available balance over the last 30 days/)).toBeTruthy());
    await user.selectOptions(screen.getByLabelText('Range'), '90');
    expect(callsTo(calls, 'getBalanceHistory')).toContainEqual({ product: 'collection', days: 90 });
    await waitFor(() => expect(within(chart).getByText(/over the last 90 days/)).toBeTruthy());
  });

  it('says so in words when there are no readings to draw', async () => {
    renderBalances(createFakeMomoApi({ getBalanceHistory: (args) => ({ ok: true, value: { product: args.product, currency: 'EUR', points: [] } }) }));
    const chart = await figure();
    expect((await within(chart).findByText(/No disbursement balance readings in the last 30 days/)).textContent).toBeTruthy();
    expect(chart.querySelector('svg')).toBeNull();
  });
});
