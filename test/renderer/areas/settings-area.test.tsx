// Settings → MoMo callbacks: turning the receiver on, moving it, turning it
// off, and a port the console cannot take shown in plain words.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsArea } from '../../../renderer/src/areas/settings-area';
import { ErrorBanner } from '../../../renderer/src/components/error-banner';
import { createAppStores, StoresProvider } from '../../../renderer/src/stores/app-stores';
import { createFakeMomoApi } from '../fake-momo-api';

afterEach(cleanup);

function renderSettings(fake = createFakeMomoApi()) {
  render(
    <StoresProvider stores={createAppStores(fake.api)}>
      <ErrorBanner />
      <SettingsArea />
    </StoresProvider>,
  );
  return fake;
}

describe('Settings: MoMo callbacks', () => {
  it('turns the receiver on at a port, shows the address MoMo must deliver to, then turns it off', async () => {
    const { calls } = renderSettings();
    const card = await screen.findByRole('article', { name: 'MoMo callbacks' });
    expect((await within(card).findByRole('status')).textContent).toContain('Off');
    const user = userEvent.setup();
    await user.type(within(card).getByLabelText(/Port on this computer/), '87a87');
    expect(within(card).getByLabelText<HTMLInputElement>(/Port on this computer/).value).toBe('8787');
    await user.click(within(card).getByRole('button', { name: 'Turn on' }));
    expect(calls).toContainEqual({ channel: 'setCallbackReceiver', args: { port: 8787 } });
    expect(within(card).getByRole('status').textContent).toContain('http://127.0.0.1:8787/momo/callback');
    await user.click(within(card).getByRole('button', { name: 'Turn off' }));
    expect(calls).toContainEqual({ channel: 'setCallbackReceiver', args: { port: null } });
    expect(within(card).getByRole('status').textContent).toContain('Off');
  });

  it('a port in use is reported in plain words and the receiver stays as it was', async () => {
    renderSettings(
      createFakeMomoApi({
        getCallbackReceiver: { ok: true, value: { running: true, callbackUrl: 'http://127.0.0.1:9000/momo/callback', port: 9000, source: 'setting', problem: null } },
        setCallbackReceiver: { ok: false, error: { code: 'PORT_UNAVAILABLE', message: 'Port 9100 is already in use by another program; choose another port.' } },
      }),
    );
    const card = await screen.findByRole('article', { name: 'MoMo callbacks' });
    const input = await within(card).findByLabelText<HTMLInputElement>(/Port on this computer/);
    expect(input.value).toBe('9000');
    const user = userEvent.setup();
    await user.clear(input);
    await user.type(input, '9100');
    await user.click(within(card).getByRole('button', { name: 'Move to this port' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('That port cannot be used');
    expect(alert.textContent).toContain('Port 9100 is already in use');
    expect(within(card).getByRole('status').textContent).toContain('http://127.0.0.1:9000/momo/callback');
  });

  it('a port fixed when the console started is shown, not offered for change', async () => {
    renderSettings(
      createFakeMomoApi({ getCallbackReceiver: { ok: true, value: { running: true, callbackUrl: 'http://127.0.0.1:7000/momo/callback', port: 7000, source: 'process', problem: null } } }),
    );
    const card = await screen.findByRole('article', { name: 'MoMo callbacks' });
    expect(await within(card).findByText(/started with a callback port of its own/)).toBeTruthy();
    expect(within(card).queryByRole('button')).toBeNull();
  });
});
