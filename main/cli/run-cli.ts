// The command line's commands, runnable in-process by tests. Exit codes:
// 0 all good, 1 ran but some items failed, 2 could not run (bad arguments,
// unreadable input, no credentials).
import packageJson from '../../package.json';
import { resolveDataDir } from '../data-dir';
import { ProfileService } from '../profiles/profile-service';
import { ProfileStore } from '../profiles/profile-store';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './cli-io';
import { PAYOUTS_USAGE, runPayoutsCommand } from './payouts-command';
import { RUN_USAGE, runBatchCommand } from './payouts-run-command';
import { PROFILES_USAGE, runProfilesCommand } from './profiles-command';
import { runSandboxCommand, SANDBOX_USAGE } from './sandbox-command';
import { runSupportCommand, TX_USAGE } from './support-command';

const USAGE = `Usage: momo-console <command> [options]

Commands:
  info [--json]     Show the version, the data directory and the active profile.
  sandbox …         Run the embedded MoMo sandbox emulator until stopped.
  profiles …        List, add, remove, switch and test profiles; store secrets.
  provision …       Create a sandbox API user and key into the keychain.
  payouts validate  Check a payout file as it would be imported; store nothing.
  payouts run …     Import, approve and pay a file; resume, status and list batches.
  audit verify      Check the payout journal's chain of events.
  tx get | search   Find a transaction (at MoMo too, by reference id) and its timeline.
  balance           Read every product's balance now (and keep the reading).
  help              Show this help.

  ${SANDBOX_USAGE}
  ${PROFILES_USAGE}
  ${PAYOUTS_USAGE}
  ${RUN_USAGE}
  ${TX_USAGE}

Options:
  --version         Print the version.
  --json            Machine-readable output (one JSON object).

Data lives in ${'$'}MOMO_CONSOLE_HOME when set, else in the app's data directory.`;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'sandbox') return runSandboxCommand([...rest], io);
  if (command === 'profiles' || command === 'provision') return runProfilesCommand(command, [...rest], io);
  if (command === 'payouts') return runPayoutsCommand([...rest], io);
  if (command === 'audit') return runBatchCommand('audit', [...rest], io);
  if (command === 'tx' || command === 'balance') return runSupportCommand(command, [...rest], io);
  const json = rest.includes('--json');
  const unknown = rest.filter((arg) => arg !== '--json');
  if (command === '--version' || command === '-v') {
    io.stdout(`${packageJson.version}\n`);
    return EXIT_OK;
  }
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.stdout(`${USAGE}\n`);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (command === 'info' && unknown.length === 0) {
    const dataDir = resolveDataDir(io.env);
    const active = (await ProfileService.open(new ProfileStore(dataDir))).active();
    const info = {
      name: packageJson.productName,
      version: packageJson.version,
      node: process.versions.node,
      dataDir,
      activeProfile: { id: active.id, name: active.name, kind: active.kind, environment: active.targetEnvironment, currency: active.currency },
    };
    io.stdout(
      json
        ? `${JSON.stringify(info)}\n`
        : `${info.name} ${info.version} (Node ${info.node})\ndata directory: ${info.dataDir}\nactive profile: ${info.activeProfile.name} (${info.activeProfile.kind}, ${info.activeProfile.environment}, ${info.activeProfile.currency})\n`,
    );
    return EXIT_OK;
  }
  const problem = command === 'info' ? `unknown option for info: ${unknown.join(' ')}` : `unknown command: ${command}`;
  io.stderr(json ? `${JSON.stringify({ error: { code: 'USAGE', message: problem } })}\n` : `momo-console: ${problem}\n\n${USAGE}\n`);
  return EXIT_USAGE;
}
