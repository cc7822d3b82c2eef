// The Admin area against a fake window.momo: write-only secrets, the typed
// confirmation for production, the keychain banner, provisioning and the
// connection test results.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../../preload/contract';
import { AdminArea } from '../../../renderer/src/areas/admin-area';
import { createAppStores, StoresProvider } from '../../../renderer/src/stores/app-stores';
import { createFakeMomoApi, emptySecrets } from '../fake-momo-api';

afterEach(cleanup);

const local: Profile = { id: 'local-sandbox', name: 'Local sandbox', kind: 'local', baseUrl: 'http://127.0.0.1', targetEnvironment: 'sandbox', currency: 'EUR', limits: {} };
const mtn: Profile = { id: 'mtn', name: 'MTN sandbox', kind: 'sandbox', baseUrl: 'https://sandbox.momodeveloper.mtn.com', targetEnvironment: 'sandbox', currency: 'EUR', limits: {} };
const live: Profile = { id: 'uganda', name: 'Uganda live', kind: 'production', baseUrl: 'https://proxy.momoapi.mtn.com', targetEnvironment: 'mtnuganda', currency: 'UGX', limits: {} };

function renderAdmin(fake = createFakeMomoApi()) {
  const stores = createAppStores(fake.api, 'admin');
  render(
    <StoresProvider stores={stores}>
      <AdminArea />
    </StoresProvider>,
  );
  return { stores, ...fake };
}

const withProfiles = (activeProfileId = 'mtn') => ({ listProfiles: { ok: true as const, value: { activeProfileId, profiles: [local, mtn, live], problem: null } } });

describe('admin area', () => {
  it('secret fields are write-only: the value goes to main once, the field empties, only the status comes back', async () => {
    const fake = createFakeMomoApi({
      ...withProfiles(),
      setSecret: (args) => ({ ok: true, value: { ...emptySecrets(args.profileId), apiKey: { set: true } } }),
    });
    renderAdmin(fake);
    const field = await screen.findByLabelText('New API key');
    expect(field.getAttribute('type')).toBe('password');
    const user = userEvent.setup();
    await user.type(field, 'typed-api-key-value');
    await user.click(within(field.closest('form') as HTMLElement).getByRole('button', { name: 'Save' }));
    expect(fake.calls.filter((c) => c.channel === 'setSecret')).toEqual([{ channel: 'setSecret', args: { profileId: 'mtn', secret: { kind: 'api-key' }, value: 'typed-api-key-value' } }]);
    expect((field as HTMLInputElement).value).toBe('');
    const row = field.closest('tr') as HTMLElement;
    await within(row).findByText('set');
    expect(document.body.textContent).not.toContain('typed-api-key-value');
  });

  it('switching to a production profile needs its name typed exactly', async () => {
    const fake = createFakeMomoApi(withProfiles());
    renderAdmin(fake);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Switch to Uganda live' }));
    const dialog = screen.getByRole('dialog', { name: 'Switch to production profile Uganda live' });
    const confirm = within(dialog).getByRole('button', { name: 'Switch to production' });
    await user.type(within(dialog).getByLabelText('Profile name'), 'uganda live');
    expect(confirm).toHaveProperty('disabled', true);
    await user.clear(within(dialog).getByLabelText('Profile name'));
    await user.type(within(dialog).getByLabelText('Profile name'), 'Uganda live');
    await user.click(confirm);
    expect(fake.calls.find((c) => c.channel === 'activateProfile')?.args).toEqual({ id: 'uganda', confirmName: 'Uganda live' });
    // A sandbox profile switches with one click.
    await user.click(screen.getByRole('button', { name: 'Switch to Local sandbox' }));
    expect(fake.calls.filter((c) => c.channel === 'activateProfile').at(-1)?.args).toEqual({ id: 'local-sandbox' });
  });

  it('says plainly when the keychain is unavailable, and when the profile file was set aside', async () => {
    renderAdmin(
      createFakeMomoApi({
        getKeychainStatus: { ok: true, value: { backend: 'memory', label: 'memory, for this session only', persistent: false, problem: 'No Secret Service is running on this desktop.', advice: 'Install gnome-keyring.' } },
        listProfiles: { ok: true, value: { activeProfileId: 'local-sandbox', profiles: [local], problem: { message: 'profiles.json could not be read (not valid JSON at line 3, column 5).', setAsideAs: '/x/profiles.json.unreadable-1' } } },
      }),
    );
    const banner = await screen.findByRole('alert', { name: 'Keychain status' });
    expect(banner.textContent).toContain('No Secret Service is running on this desktop.');
    expect(banner.textContent).toContain('gone when the console quits');
    expect(banner.textContent).toContain('Install gnome-keyring.');
    expect(await screen.findByText(/not valid JSON at line 3, column 5/)).toBeTruthy();
  });

  it('warns when secrets are only held in memory, even with no keychain error to report', async () => {
    renderAdmin(createFakeMomoApi({ getKeychainStatus: { ok: true, value: { backend: 'memory', label: 'memory, for this session only', persistent: false, problem: null, advice: null } } }));
    expect((await screen.findByRole('alert', { name: 'Keychain status' })).textContent).toContain('Secrets are not being saved.');
  });

  it('creates a profile from the form, sending only the fields that were filled', async () => {
    const fake = createFakeMomoApi();
    renderAdmin(fake);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'New profile' }));
    const form = screen.getByRole('form', { name: 'New profile' });
    await user.type(within(form).getByLabelText('Name'), 'Ghana live');
    await user.selectOptions(within(form).getByLabelText('Kind'), 'production');
    const url = within(form).getByLabelText('Base URL');
    await user.clear(url);
    await user.type(url, 'https://proxy.momoapi.mtn.com');
    const env = within(form).getByLabelText('Target environment');
    await user.clear(env);
    await user.type(env, 'mtnghana');
    const currency = within(form).getByLabelText('Currency');
    await user.clear(currency);
    await user.type(currency, 'ghs');
    await user.click(within(form).getByRole('button', { name: 'Create profile' }));
    expect(fake.calls.find((c) => c.channel === 'createProfile')?.args).toEqual({
      name: 'Ghana live',
      kind: 'production',
      baseUrl: 'https://proxy.momoapi.mtn.com',
      targetEnvironment: 'mtnghana',
      currency: 'GHS',
      limits: {},
    });
    expect(await screen.findByText('Profile "Ghana live" created.')).toBeTruthy();
  });

  it('provisions a sandbox profile and shows each product of a connection test', async () => {
    const fake = createFakeMomoApi({
      ...withProfiles(),
      testConnection: {
        ok: true,
        value: {
          profileId: 'mtn',
          results: [
            { product: 'collection', outcome: 'ok', balance: '0.00 EUR available', message: null },
            { product: 'disbursement', outcome: 'failed', balance: null, message: 'could not get a disbursement access token: the API user or API key was refused' },
            { product: 'remittance', outcome: 'skipped', balance: null, message: 'No subscription key for this product.' },
          ],
        },
      },
    });
    renderAdmin(fake);
    const user = userEvent.setup();
    const provisioning = await screen.findByRole('region', { name: 'Provisioning' });
    await user.type(within(provisioning).getByLabelText('Callback host'), 'payouts.example.com');
    await user.click(within(provisioning).getByRole('button', { name: 'Provision' }));
    expect(await within(provisioning).findByRole('status')).toHaveProperty('textContent', expect.stringContaining('API user created and its key stored'));
    await user.click(screen.getByRole('button', { name: 'Test MTN sandbox' }));
    const results = await screen.findByRole('region', { name: 'Connection test' });
    expect(await within(results).findByText(/0.00 EUR available/)).toBeTruthy();
    expect(within(results).getByText(/the API user or API key was refused/)).toBeTruthy();
    expect(within(results).getByText(/No subscription key for this product/)).toBeTruthy();
  });

  it('deleting a profile asks first, naming what goes with it', async () => {
    const fake = createFakeMomoApi(withProfiles());
    renderAdmin(fake);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Delete MTN sandbox' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete MTN sandbox' });
    expect(dialog.textContent).toContain('the secrets stored for it in the keychain');
    expect(fake.calls.some((c) => c.channel === 'deleteProfile')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(fake.calls.some((c) => c.channel === 'deleteProfile')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Delete MTN sandbox' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Delete MTN sandbox' })).getByRole('button', { name: 'Delete MTN sandbox' }));
    expect(fake.calls.find((c) => c.channel === 'deleteProfile')?.args).toEqual({ id: 'mtn' });
  });

  it('provisioning over working credentials needs the replacement ticked first', async () => {
    const fake = createFakeMomoApi({ ...withProfiles(), getSecretStatus: (args) => ({ ok: true, value: { ...emptySecrets(args.profileId), apiUser: { set: true }, apiKey: { set: true } } }) });
    renderAdmin(fake);
    const user = userEvent.setup();
    const provisioning = await screen.findByRole('region', { name: 'Provisioning' });
    await user.type(within(provisioning).getByLabelText('Callback host'), 'payouts.example.com');
    const provision = within(provisioning).getByRole('button', { name: 'Provision' });
    expect(provision).toHaveProperty('disabled', true);
    await user.click(within(provisioning).getByLabelText(/Replace the API user and key this profile uses now/));
    expect(provision).toHaveProperty('disabled', false);
  });
});
