import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProfileService } from '../../../main/profiles/profile-service';
import { ProfileStore } from '../../../main/profiles/profile-store';

const open = async (d?: string) => ProfileService.open(new ProfileStore(d ?? (await mkdtemp(path.join(os.tmpdir(), 'momo-profiles-')))));
const sandbox = { name: 'MTN sandbox', kind: 'sandbox' as const, baseUrl: 'https://sandbox.momodeveloper.mtn.com', targetEnvironment: 'sandbox', currency: 'EUR', limits: {} };
const production = { name: 'Uganda live', kind: 'production' as const, baseUrl: 'https://proxy.momoapi.mtn.com', targetEnvironment: 'mtnuganda', currency: 'UGX', countryCode: 'UG', limits: { maxRowAmount: '5000000', maxBatchTotal: '100000000' } };

describe('profile service', () => {
  it('creates profiles with ids from their names, on disk at once', async () => {
    const d = await mkdtemp(path.join(os.tmpdir(), 'momo-profiles-'));
    const service = await open(d);
    expect((await service.create(sandbox)).id).toBe('mtn-sandbox');
    expect((await service.create({ ...sandbox, name: 'MTN Sandbox!' })).id).toBe('mtn-sandbox-2');
    expect((await open(d)).list().profiles.map((p) => p.id)).toEqual(['local-sandbox', 'mtn-sandbox', 'mtn-sandbox-2']);
  });

  it('refuses what cannot work, naming the field', async () => {
    const service = await open();
    await service.create(sandbox);
    await expect(service.create(sandbox)).rejects.toMatchObject({ code: 'INVALID_PROFILE', message: 'A profile named "MTN sandbox" already exists.' });
    await expect(service.create({ ...sandbox, name: 'plain', baseUrl: 'http://sandbox.momodeveloper.mtn.com' })).rejects.toThrow(/Field "baseUrl": .* must be reached over https/);
    await expect(service.create({ ...production, baseUrl: 'http://127.0.0.1:8080' })).rejects.toThrow(/a production profile must use https/);
    await expect(service.create({ ...production, targetEnvironment: 'sandbox' })).rejects.toThrow(/names its market/);
    await expect(service.create({ ...sandbox, name: 'local', kind: 'local' })).rejects.toMatchObject({ code: 'INVALID_PROFILE' });
    // A "sandbox" profile aimed at a market would dodge the production safeguards.
    await expect(service.create({ ...sandbox, name: 'sneaky', baseUrl: 'https://proxy.momoapi.mtn.com', targetEnvironment: 'mtnuganda' })).rejects.toThrow(/a sandbox profile uses "sandbox"; "mtnuganda" is a market/);
    await expect(service.update('mtn-sandbox', { targetEnvironment: 'mtnghana' })).rejects.toMatchObject({ code: 'INVALID_PROFILE' });
    // An emulator on this machine is fine over plain http.
    expect((await service.create({ ...sandbox, name: 'Emulator', baseUrl: 'http://127.0.0.1:9000' })).id).toBe('emulator');
  });

  it('updates, and never edits or deletes the Local sandbox profile', async () => {
    const service = await open();
    const p = await service.create(sandbox);
    expect(await service.update(p.id, { currency: 'GHS', callbackHost: 'payouts.example.com' })).toMatchObject({ id: p.id, currency: 'GHS', callbackHost: 'payouts.example.com' });
    await expect(service.update('local-sandbox', { currency: 'UGX' })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await expect(service.delete('local-sandbox')).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await expect(service.update('nope', {})).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
  });

  it('activates a production profile only with its name typed again; deleting the active one falls back to Local sandbox', async () => {
    const service = await open();
    const live = await service.create(production);
    await expect(service.activate(live.id)).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
    await expect(service.activate(live.id, 'uganda live')).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
    expect(service.active().id).toBe('local-sandbox');
    await service.activate(live.id, 'Uganda live');
    expect(service.active().id).toBe(live.id);
    await service.delete(live.id);
    expect(service.active().id).toBe('local-sandbox');
  });

  it('concurrent changes all land', async () => {
    const d = await mkdtemp(path.join(os.tmpdir(), 'momo-profiles-'));
    const service = await open(d);
    await Promise.all(Array.from({ length: 10 }, (_, i) => service.create({ ...sandbox, name: `Sandbox ${i}` })));
    expect((await open(d)).list().profiles).toHaveLength(11);
  });

  it('never guesses between two profiles a typed name could mean', async () => {
    const service = await open();
    await service.create({ ...sandbox, name: 'Acme 2' });
    await service.create({ ...sandbox, name: 'acme-2' });
    expect(service.find('acme-2').name).toBe('acme-2');
    expect(service.find('Acme 2').id).toBe('acme-2');
    expect(service.find('ACME 2').id).toBe('acme-2');
    expect(() => service.find('nobody')).toThrow(/There is no profile/);
  });

  it('picks up what another process saved, and does not overwrite it', async () => {
    const d = await mkdtemp(path.join(os.tmpdir(), 'momo-profiles-'));
    const app = await open(d);
    const cli = await open(d);
    await cli.create({ ...sandbox, name: 'From the command line' });
    await app.create({ ...sandbox, name: 'From the app' });
    expect((await open(d)).list().profiles.map((p) => p.name)).toEqual(['Local sandbox', 'From the command line', 'From the app']);
    await cli.create({ ...sandbox, name: 'Later' });
    await app.refresh();
    expect(app.list().profiles.map((p) => p.name)).toContain('Later');
  });

  it('finds a profile by id or by name in any case', async () => {
    const service = await open();
    await service.create(production);
    expect(service.find('UGANDA LIVE').id).toBe('uganda-live');
    expect(service.find('local-sandbox').name).toBe('Local sandbox');
    expect(() => service.find('kenya')).toThrow(/There is no profile "kenya". Profiles: Local sandbox, Uganda live./);
  });
});
