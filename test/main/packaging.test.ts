// The packaged app's hardening lives in electron-builder.yml; these settings
// cannot be exercised without an Electron binary, so their presence is checked.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import packageJson from '../../package.json';

const config = parse(readFileSync('electron-builder.yml', 'utf8'));

describe('packaging', () => {
  it('sets the Electron fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packs into an asar with native modules unpacked, and leaves the test bridge out', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.files).toContain('!out/bridge/**');
  });

  it('targets AppImage and deb, nsis and dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('names the product and the command line as the product card fixes them', () => {
    expect(packageJson.name).toBe('momo-console');
    expect(packageJson.productName).toBe('MoMo Console');
    expect(packageJson.bin).toEqual({ 'momo-console': 'out/cli/cli.js' });
    expect(packageJson.engines.node).toBe('>=24');
    expect(config.productName).toBe(packageJson.productName);
  });

  it('pins every dependency to an exact version', () => {
    const all = { ...packageJson.dependencies, ...packageJson.devDependencies };
    const loose = Object.entries(all).filter(([, version]) => !/^\d+\.\d+\.\d+$/.test(version));
    expect(loose).toEqual([]);
  });
});
