// Where the console keeps its data. The Electron app and the command line must
// agree, so this does not ask Electron: it mirrors Electron's userData default
// (appData/productName) and honours MOMO_CONSOLE_HOME.
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'MoMo Console';

export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env.MOMO_CONSOLE_HOME?.trim();
  if (override) return path.resolve(override);
  const home = os.homedir();
  switch (platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
  }
}
