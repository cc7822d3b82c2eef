import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../main/data-dir';

describe('data directory', () => {
  it('honours MOMO_CONSOLE_HOME', () => {
    expect(resolveDataDir({ MOMO_CONSOLE_HOME: '/srv/momo' }, 'linux')).toBe('/srv/momo');
  });
  it('mirrors Electron userData defaults per platform', () => {
    expect(resolveDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe(path.join('/cfg', 'MoMo Console'));
    expect(resolveDataDir({}, 'linux')).toBe(path.join(os.homedir(), '.config', 'MoMo Console'));
    expect(resolveDataDir({}, 'darwin')).toBe(path.join(os.homedir(), 'Library', 'Application Support', 'MoMo Console'));
    expect(resolveDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe(path.join('C:\\Users\\a\\AppData\\Roaming', 'MoMo Console'));
  });
});
