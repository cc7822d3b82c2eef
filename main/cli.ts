#!/usr/bin/env -S node --max-semi-space-size=8
// `momo-console`: the same services as the app, headless, for scheduled runs,
// scripts and tests.
// The semi-space flag: on a machine with much memory V8 sizes the young
// generation at 32 MB a semi-space, and a batch run's request garbage then
// kept the process near 370 MB for a live heap of about 30 MB. 8 MB a
// semi-space keeps it under 250 MB at the same rows per second. Only V8 read
// at start-up can take it, hence the shebang (`env -S`: coreutils 8.30+, macOS).
import { runCli } from './cli/run-cli';

void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  untilStopped: () =>
    new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
  readStdin: async () => {
    // A secret typed at a terminal would echo on screen: only piped input is taken.
    if (process.stdin.isTTY) return '';
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
}).then((code) => {
  process.exitCode = code;
});
