// Runs a command-line command in-process, with its own environment and input.
import { runCli } from '../../main/cli/run-cli';

export async function runCommand(argv: string[], env: NodeJS.ProcessEnv, stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, untilStopped: () => Promise.resolve(), readStdin: async () => stdin });
  return { code, stdout, stderr };
}
