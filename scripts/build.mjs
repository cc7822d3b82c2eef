// Builds every process: main, preload and the command line with esbuild, the
// loopback test bridge (development only), and the renderer with Vite.
import { chmod, readFile, rm } from 'node:fs/promises';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
// Runtime dependencies (native modules among them) stay external: electron-builder
// packages them, and the command line resolves them from node_modules.
const external = ['electron', ...Object.keys(pkg.dependencies ?? {})];
const node = { bundle: true, platform: 'node', format: 'cjs', target: 'node24', sourcemap: true, external, logLevel: 'warning' };

await rm('out', { recursive: true, force: true });
await Promise.all([
  esbuild({ ...node, entryPoints: ['main/index.ts'], outfile: 'out/main/index.js' }),
  // A sandboxed preload may require only 'electron': everything else is bundled in.
  esbuild({ ...node, external: ['electron'], entryPoints: ['preload/index.ts'], outfile: 'out/preload/index.js' }),
  esbuild({ ...node, entryPoints: ['main/cli.ts'], outfile: 'out/cli/cli.js' }),
  esbuild({ ...node, entryPoints: ['main/test-bridge/preview-web.ts'], outfile: 'out/bridge/preview-web.js' }),
  esbuild({ bundle: true, platform: 'browser', format: 'iife', target: 'chrome140', sourcemap: true, logLevel: 'warning', entryPoints: ['preload/web-bridge.ts'], outfile: 'out/bridge/web-bridge.js' }),
]);
await chmod('out/cli/cli.js', 0o755);
await viteBuild({ configFile: 'vite.config.mts', logLevel: 'warn' });
console.log('built out/main, out/preload, out/cli, out/bridge, out/renderer');
