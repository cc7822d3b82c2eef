// What a command needs from its process, injected so tests run commands in-process.
export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Resolves when the process is asked to stop (SIGINT or SIGTERM). */
  untilStopped(): Promise<void>;
  /** All of standard input, for secrets that must never be command-line arguments. */
  readStdin(): Promise<string>;
}
