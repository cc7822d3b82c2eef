import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL_SANDBOX_PROFILE } from '../../../main/profiles/local-sandbox-profile';
import { PROFILE_FILE, ProfileStore } from '../../../main/profiles/profile-store';

const dir = () => mkdtemp(path.join(os.tmpdir(), 'momo-profiles-'));
const production = { id: 'uganda', name: 'Uganda live', kind: 'production', baseUrl: 'https://proxy.momoapi.mtn.com', targetEnvironment: 'mtnuganda', currency: 'UGX', limits: { maxRowAmount: '5000000' } };

describe('profiles on disk', () => {
  it('a fresh install has the Local sandbox profile only, active', async () => {
    const { state, problem } = await new ProfileStore(await dir()).load();
    expect(problem).toBeNull();
    expect(state).toEqual({ version: 1, activeProfileId: 'local-sandbox', profiles: [LOCAL_SANDBOX_PROFILE] });
  });

  it('saves and loads back, and the file holds no secrets by construction', async () => {
    const d = await dir();
    const store = new ProfileStore(d);
    await store.save({ version: 1, activeProfileId: 'uganda', profiles: [LOCAL_SANDBOX_PROFILE, production as never] });
    expect((await store.load()).state.activeProfileId).toBe('uganda');
    expect(JSON.parse(await readFile(path.join(d, PROFILE_FILE), 'utf8')).profiles[1]).toEqual(production);
    await expect(store.save({ version: 1, activeProfileId: 'x', profiles: [{ ...production, apiKey: 'secret' } as never] })).rejects.toThrow();
  });

  it('bad JSON is set aside, not deleted, and the message gives line and column', async () => {
    const d = await dir();
    const text = '{\n  "version": 1,\n  "activeProfileId": "local-sandbox",\n  "profiles": [\n    { "id": "x", }\n  ]\n}\n';
    await writeFile(path.join(d, PROFILE_FILE), text);
    const { state, problem } = await new ProfileStore(d).load();
    expect(state.profiles).toEqual([LOCAL_SANDBOX_PROFILE]);
    expect(problem?.message).toMatch(/profiles\.json could not be read \(not valid JSON at line 5, column 18\)/);
    expect(problem?.message).toMatch(/set aside as profiles\.json\.unreadable-/);
    const files = await readdir(d);
    expect(files).not.toContain(PROFILE_FILE);
    const setAside = files.find((f) => f.startsWith(`${PROFILE_FILE}.unreadable-`));
    expect(setAside).toBeDefined();
    expect(await readFile(path.join(d, setAside ?? ''), 'utf8')).toBe(text);
  });

  it('never repeats the file in its message: a key pasted unquoted stays out of logs and screens', async () => {
    const d = await mkdtemp(path.join(os.tmpdir(), 'momo-profiles-'));
    await writeFile(path.join(d, PROFILE_FILE), '{"version": 1, "apiKey": e01e2d3c4b9a}');
    const { problem } = await new ProfileStore(d).load();
    expect(problem?.message).toMatch(/not valid JSON/);
    expect(problem?.message).not.toContain('e01e2d3c4b9a');
  });

  it('a bad hand edit names the field', async () => {
    const d = await dir();
    await writeFile(path.join(d, PROFILE_FILE), JSON.stringify({ version: 1, activeProfileId: 'uganda', profiles: [{ ...production, currency: 'shillings' }] }));
    const { problem } = await new ProfileStore(d).load();
    expect(problem?.message).toMatch(/field "profiles\.0\.currency": a three-letter currency code/);
  });

  it('two profiles with one id, and a missing Local sandbox or active profile, are handled', async () => {
    const d = await dir();
    await writeFile(path.join(d, PROFILE_FILE), JSON.stringify({ version: 1, activeProfileId: 'uganda', profiles: [production, production] }));
    expect((await new ProfileStore(d).load()).problem?.message).toMatch(/two profiles share the id "uganda"/);
    await writeFile(path.join(d, PROFILE_FILE), JSON.stringify({ version: 1, activeProfileId: 'gone', profiles: [production] }));
    const { state, problem } = await new ProfileStore(d).load();
    expect(problem).toBeNull();
    expect(state.profiles.map((p) => p.id)).toEqual(['local-sandbox', 'uganda']);
    expect(state.activeProfileId).toBe('local-sandbox');
  });
});
