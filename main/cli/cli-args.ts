// A command's flags read strictly: an unknown or malformed flag is a usage
// error (exit 2) that names it, never a guess.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { AppError } from '../ipc/app-error';

export function parseFlags<T extends ParseArgsOptionsConfig>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new AppError('USAGE', (error as Error).message);
  }
}
