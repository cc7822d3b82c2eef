// `momo-console sandbox`: runs the emulator until SIGINT/SIGTERM and prints one
// JSON line when it listens, so scripts and other SDKs can point at it.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { faultRulesSchema } from '../sandbox/fault-rules';
import { startSandbox } from '../sandbox/sandbox-server';
import { PRODUCTS, type Product } from '../sandbox/transaction-kinds';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './cli-io';

export const SANDBOX_USAGE = `momo-console sandbox [--host 127.0.0.1] [--port 0] [--environment sandbox] [--currency EUR]
                     [--subscription-key PRODUCT=KEY]... [--complete-after-ms N]
                     [--token-ttl-seconds N] [--faults JSON|@FILE]
                     [--tls-key FILE --tls-cert FILE] [--json]`;

class UsageError extends Error {}

export async function runSandboxCommand(args: string[], io: CliIo): Promise<number> {
  // The listening line is JSON either way; --json also makes errors JSON.
  const json = args.includes('--json');
  let sandbox;
  try {
    const options = await sandboxOptionsFromArgs(args.filter((arg) => arg !== '--json'));
    sandbox = await startSandbox(options);
  } catch (error) {
    const message = error instanceof UsageError || error instanceof z.ZodError ? describe(error) : `could not start: ${(error as Error).message}`;
    io.stderr(json ? `${JSON.stringify({ error: { code: 'USAGE', message } })}\n` : `momo-console sandbox: ${message}\n\nUsage: ${SANDBOX_USAGE}\n`);
    return EXIT_USAGE;
  }
  io.stdout(`${JSON.stringify({ url: sandbox.url, environment: sandbox.environment, subscriptionKeys: sandbox.subscriptionKeys })}\n`);
  await io.untilStopped();
  await sandbox.close();
  return EXIT_OK;
}

function describe(error: Error): string {
  if (error instanceof z.ZodError) {
    return error.issues.map((issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`).join('; ');
  }
  return error.message;
}

async function sandboxOptionsFromArgs(args: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        environment: { type: 'string' },
        currency: { type: 'string' },
        'subscription-key': { type: 'string', multiple: true },
        'complete-after-ms': { type: 'string' },
        'token-ttl-seconds': { type: 'string' },
        faults: { type: 'string' },
        'tls-key': { type: 'string' },
        'tls-cert': { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const subscriptionKeys: Partial<Record<Product, string>> = {};
  for (const pair of values['subscription-key'] ?? []) {
    const [product, key] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
    if (!PRODUCTS.includes(product as Product) || !key || pair.indexOf('=') < 0) {
      throw new UsageError(`--subscription-key takes PRODUCT=KEY with PRODUCT one of ${PRODUCTS.join(', ')}; got "${pair.split('=')[0]}=…"`);
    }
    subscriptionKeys[product as Product] = key;
  }
  return {
    ...(values.host !== undefined && { host: values.host }),
    ...(values.port !== undefined && { port: integer('--port', values.port) }),
    ...(values.environment !== undefined && { environment: values.environment }),
    ...(values.currency !== undefined && { currency: values.currency }),
    ...(values['complete-after-ms'] !== undefined && { completeAfterMs: integer('--complete-after-ms', values['complete-after-ms']) }),
    ...(values['token-ttl-seconds'] !== undefined && { tokenTtlSeconds: integer('--token-ttl-seconds', values['token-ttl-seconds']) }),
    ...(values.faults !== undefined && { faults: await faultsFrom(values.faults) }),
    ...(await tlsFrom(values['tls-key'], values['tls-cert'])),
    subscriptionKeys,
  };
}

async function tlsFrom(keyFile: string | undefined, certFile: string | undefined) {
  if (keyFile === undefined && certFile === undefined) return {};
  if (keyFile === undefined || certFile === undefined) throw new UsageError('--tls-key and --tls-cert go together: give both PEM files, or neither for plain http');
  const read = async (flag: string, file: string) => {
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      throw new UsageError(`${flag}: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  };
  return { tls: { key: await read('--tls-key', keyFile), cert: await read('--tls-cert', certFile) } };
}

function integer(flag: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${flag} takes a whole number, got "${text}"`);
  return Number(text);
}

async function faultsFrom(value: string) {
  let text = value;
  if (value.startsWith('@')) {
    try {
      text = await readFile(value.slice(1), 'utf8');
    } catch (error) {
      throw new UsageError(`--faults: cannot read ${value.slice(1)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--faults is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = faultRulesSchema.safeParse(Array.isArray(raw) ? raw : [raw]);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--faults rule ${String(issue?.path[0] ?? '')}: ${issue ? `${issue.path.slice(1).join('.') || 'rule'}: ${issue.message}` : 'invalid'}`);
  }
  return parsed.data;
}
