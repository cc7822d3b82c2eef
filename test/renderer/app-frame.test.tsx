import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { AppFrame } from '../../renderer/src/app-frame';
import { createAppStores, StoresProvider } from '../../renderer/src/stores/app-stores';
import { createFakeMomoApi } from './fake-momo-api';

afterEach(cleanup);

function renderApp(fake = createFakeMomoApi()) {
  const stores = createAppStores(fake.api);
  render(
    <StoresProvider stores={stores}>
      <AppFrame />
    </StoresProvider>,
  );
  return { stores, ...fake };
}

describe('app frame', () => {
  it('shows the active profile and environment', async () => {
    renderApp();
    const badge = await screen.findByLabelText('Active profile');
    expect(badge).toHaveProperty('textContent', expect.stringContaining('Local sandbox'));
    expect(badge.textContent).toContain('sandbox · EUR');
  });

  it('makes a production profile unmistakable', async () => {
    const fake = createFakeMomoApi({ getActiveProfile: { ok: true, value: { id: 'uganda', name: 'MTN Uganda live', kind: 'production', environment: 'mtnuganda', currency: 'UGX' } } });
    const { container } = render(
      <StoresProvider stores={createAppStores(fake.api)}>
        <AppFrame />
      </StoresProvider>,
    );
    const badge = await screen.findByLabelText('Active profile');
    expect(within(badge).getByText('PRODUCTION')).toBeTruthy();
    expect(container.querySelector('.app-frame--production')).not.toBeNull();
  });

  it('navigates between every area by click', async () => {
    renderApp();
    const user = userEvent.setup();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    for (const label of ['Transactions', 'Balances', 'Admin', 'Settings', 'Payouts']) {
      await user.click(within(nav).getByRole('button', { name: label }));
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(label);
      expect(within(nav).getByRole('button', { name: label }).getAttribute('aria-current')).toBe('page');
    }
  });

  it('navigates by keyboard: arrows move through the areas and focus stays in the menu, wrapping at the ends', async () => {
    renderApp();
    const user = userEvent.setup();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    within(nav).getByRole('button', { name: 'Payouts' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Transactions');
    expect(document.activeElement?.textContent).toBe('Transactions');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Settings');
    expect(document.activeElement?.textContent).toBe('Settings');
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Payouts');
  });

  it('moves from the focused entry, not the open area', async () => {
    renderApp();
    const user = userEvent.setup();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('button', { name: 'Settings' }));
    within(nav).getByRole('button', { name: 'Transactions' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Balances');
  });

  it('shows a failed call in the error surface with its code and plain message, and dismisses it', async () => {
    renderApp(createFakeMomoApi({ getActiveProfile: { ok: false, error: { code: 'UNAVAILABLE', message: 'The keychain is locked. Unlock it and try again.' } } }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The console is not answering');
    expect(alert.textContent).toContain('The keychain is locked. Unlock it and try again.');
    expect(alert.textContent).toContain('UNAVAILABLE');
    await userEvent.setup().click(within(alert).getByRole('button', { name: /Dismiss/ }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('reports a refused openExternal from Settings in the error surface', async () => {
    const fake = createFakeMomoApi({ openExternal: { ok: false, error: { code: 'NOT_ALLOWED', message: 'MoMo Console only opens MTN pages.' } } });
    const { calls } = renderApp(fake);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(screen.getByRole('button', { name: 'Open the developer portal' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not allowed');
    expect(alert.textContent).toContain('MoMo Console only opens MTN pages.');
    expect(calls).toContainEqual({ channel: 'openExternal', args: { url: 'https://momodeveloper.mtn.com/' } });
  });

  it('treats a rejected call as the console not answering', async () => {
    const fake = createFakeMomoApi();
    fake.api.getAppInfo = async () => {
      throw new Error('bridge gone');
    };
    renderApp(fake);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('UNAVAILABLE');
  });

  it('shows the local sandbox emulator in Admin: running, or the reason it failed', async () => {
    renderApp();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Admin' }));
    const card = await screen.findByLabelText('Local sandbox emulator');
    await within(card).findByText('http://127.0.0.1:41234');
    cleanup();
    renderApp(createFakeMomoApi({ getLocalSandbox: { ok: true, value: { state: 'failed', url: null, environment: 'sandbox', message: 'The local sandbox could not start: port in use' } } }));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Admin' }));
    const failed = await screen.findByLabelText('Local sandbox emulator');
    expect((await within(failed).findByRole('status')).textContent).toContain('could not start: port in use');
  });
});
