// `momo-console profiles …` and `momo-console provision …`: the admin's work
// from the command line, on the same services as the app. Secrets are read
// from standard input, never from an argument (arguments end up in shell
// history and process lists), and are never printed.
import { parseArgs } from 'node:util';
import { productSchema, profileSettingsSchema, secretRefSchema, type Profile } from '../../preload/contract';
import { createAppServices, type AppServices } from '../app-services';
import { resolveDataDir } from '../data-dir';
import { AppError } from '../ipc/app-error';
import { createLogger } from '../logging/logger';
import { testConnection } from '../profiles/connection-test';
import { provisionProfile } from '../profiles/provisioning-service';
import { EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, type CliIo } from './cli-io';

export const PROFILES_USAGE = `momo-console profiles list [--json]
  momo-console profiles add NAME --kind sandbox|production --base-url URL --environment ENV --currency CUR
                     [--callback-host HOST] [--country-code CC] [--max-row-amount N] [--max-batch-total N]
  momo-console profiles remove NAME | use NAME | test NAME [--json]
  momo-console profiles set-secret NAME subscription-key|api-user|api-key [--product P] [--slot primary|secondary]
                     (the value is read from standard input)
  momo-console provision --profile NAME [--callback-host HOST] [--json]`;

/** Refusals that mean the command could not run as given (exit 2), as opposed to MoMo saying no (exit 1). */
const USAGE_CODES = new Set(['PROFILE_NOT_FOUND', 'INVALID_PROFILE', 'CONFIRMATION_REQUIRED', 'INVALID_SECRET', 'MISSING_SECRET', 'NOT_ALLOWED', 'USAGE', 'NO_KEYCHAIN']);

class UsageError extends AppError {
  constructor(message: string) {
    super('USAGE', message);
  }
}

export async function runProfilesCommand(command: 'profiles' | 'provision', args: string[], io: CliIo): Promise<number> {
  const json = args.includes('--json');
  const rest = args.filter((arg) => arg !== '--json');
  let services: AppServices | null = null;
  const open = async () => (services ??= await createAppServices({ dataDir: resolveDataDir(io.env), logger: createLogger(undefined, io.env.MOMO_LOG_LEVEL ?? 'silent'), env: io.env }));
  try {
    if (command === 'provision') return await provision(rest, io, json, open);
    const [sub, ...subArgs] = rest;
    switch (sub) {
      case 'list':
        return await list(subArgs, io, json, open);
      case 'add':
        return await add(subArgs, io, json, open);
      case 'remove':
      case 'use':
        return await removeOrUse(sub, subArgs, io, json, open);
      case 'test':
        return await test(subArgs, io, json, open);
      case 'set-secret':
        return await setSecret(subArgs, io, json, open);
      default:
        throw new UsageError(sub === undefined ? 'profiles needs a subcommand' : `unknown profiles subcommand: ${sub}`);
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    io.stderr(json ? `${JSON.stringify({ error: { code: error.code, message: error.message } })}\n` : `momo-console ${command}: ${error.message}\n${error.code === 'USAGE' ? `\nUsage: ${PROFILES_USAGE}\n` : ''}`);
    return USAGE_CODES.has(error.code) ? EXIT_USAGE : EXIT_SOME_FAILED;
  } finally {
    await (services as AppServices | null)?.close();
  }
}

type Open = () => Promise<AppServices>;

function parse<T extends Record<string, { type: 'string' | 'boolean' }>>(args: string[], options: T, positionals: number) {
  try {
    const parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
    if (parsed.positionals.length !== positionals) throw new UsageError(`expected ${positionals} argument${positionals === 1 ? '' : 's'}, got ${parsed.positionals.length}`);
    return parsed;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new UsageError((error as Error).message);
  }
}

const line = (profile: Profile, activeId: string) => `${profile.id === activeId ? '*' : ' '} ${profile.name}  [${profile.id}]  ${profile.kind}, ${profile.targetEnvironment}, ${profile.currency}${profile.kind === 'local' ? '' : `, ${profile.baseUrl}`}`;

async function list(args: string[], io: CliIo, json: boolean, open: Open): Promise<number> {
  parse(args, {}, 0);
  const { activeProfileId, profiles, problem } = (await open()).profiles.list();
  if (json) io.stdout(`${JSON.stringify({ activeProfileId, profiles, problem })}\n`);
  else io.stdout(`${profiles.map((p) => line(p, activeProfileId)).join('\n')}\n${problem ? `\nNote: ${problem.message}\n` : ''}`);
  return EXIT_OK;
}

async function add(args: string[], io: CliIo, json: boolean, open: Open): Promise<number> {
  const s = { type: 'string' } as const;
  const { values, positionals } = parse(
    args,
    { kind: s, 'base-url': s, environment: s, currency: s, 'callback-host': s, 'country-code': s, 'max-row-amount': s, 'max-batch-total': s },
    1,
  );
  const parsed = profileSettingsSchema.safeParse({
    name: positionals[0],
    kind: values.kind,
    baseUrl: values['base-url'],
    targetEnvironment: values.environment,
    currency: values.currency,
    ...(values['callback-host'] ? { callbackHost: values['callback-host'] } : {}),
    ...(values['country-code'] ? { countryCode: values['country-code'] } : {}),
    limits: { ...(values['max-row-amount'] ? { maxRowAmount: values['max-row-amount'] } : {}), ...(values['max-batch-total'] ? { maxBatchTotal: values['max-batch-total'] } : {}) },
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = { name: 'NAME', baseUrl: '--base-url', targetEnvironment: '--environment', callbackHost: '--callback-host', countryCode: '--country-code' }[String(issue?.path[0])] ?? `--${String(issue?.path.at(-1) ?? '')}`;
    throw new UsageError(`${flag}: ${issue?.message ?? 'invalid'}`);
  }
  const services = await open();
  const profile = await services.profiles.create(parsed.data);
  await services.vault.clearProfile(profile.id);
  io.stdout(json ? `${JSON.stringify(profile)}\n` : `added ${profile.name} [${profile.id}]\n`);
  return EXIT_OK;
}

async function removeOrUse(sub: 'remove' | 'use', args: string[], io: CliIo, json: boolean, open: Open): Promise<number> {
  const { positionals } = parse(args, {}, 1);
  const typed = positionals[0] ?? '';
  const services = await open();
  const profile = services.profiles.find(typed);
  if (sub === 'remove') {
    if (profile.kind === 'local') throw new AppError('NOT_ALLOWED', 'The Local sandbox profile cannot be deleted.');
    await services.vault.clearProfile(profile.id);
    await services.profiles.delete(profile.id);
    io.stdout(json ? `${JSON.stringify({ removed: profile.id })}\n` : `removed ${profile.name} and its secrets\n`);
  } else {
    // Typing the name is the confirmation a production profile asks for.
    await services.profiles.activate(profile.id, typed);
    io.stdout(json ? `${JSON.stringify({ active: profile.id })}\n` : `now using ${profile.name}\n`);
  }
  return EXIT_OK;
}

async function test(args: string[], io: CliIo, json: boolean, open: Open): Promise<number> {
  const { positionals } = parse(args, {}, 1);
  const services = await open();
  const profile = services.profiles.find(positionals[0] ?? '');
  const result = await testConnection(services, profile.id);
  if (json) io.stdout(`${JSON.stringify(result)}\n`);
  else io.stdout(`${result.results.map((r) => `${r.product.padEnd(13)} ${r.outcome.padEnd(8)} ${r.balance ?? r.message ?? ''}`).join('\n')}\n`);
  return result.results.some((r) => r.outcome === 'failed') ? EXIT_SOME_FAILED : EXIT_OK;
}

async function setSecret(args: string[], io: CliIo, json: boolean, open: Open): Promise<number> {
  const { values, positionals } = parse(args, { product: { type: 'string' }, slot: { type: 'string' } }, 2);
  const [name = '', kind = ''] = positionals;
  if (kind === 'subscription-key' && !productSchema.safeParse(values.product).success) throw new UsageError('subscription-key needs --product collection|disbursement|remittance');
  const ref = secretRefSchema.safeParse(kind === 'subscription-key' ? { kind, product: values.product, slot: values.slot ?? 'primary' } : { kind });
  if (!ref.success) throw new UsageError(`the secret is subscription-key, api-user or api-key; got "${kind}"${values.slot ? ` with --slot ${values.slot}` : ''}`);
  const services = await open();
  const profile = services.profiles.find(name);
  if (profile.kind === 'local') throw new AppError('NOT_ALLOWED', 'The Local sandbox profile makes its own credentials each time it starts.');
  requireKeychain(services, 'keep the secret');
  const value = (await io.readStdin()).trim();
  if (value === '') throw new UsageError('no value on standard input (pipe it in, e.g. `pass show momo/key | momo-console profiles set-secret …`)');
  await services.vault.set(profile.id, ref.data, value);
  io.stdout(json ? `${JSON.stringify({ profileId: profile.id, stored: ref.data })}\n` : `stored in ${services.keychain.label}\n`);
  return EXIT_OK;
}

async function provision(args: string[], io: CliIo, json: boolean, open: Open): Promise<number> {
  const { values } = parse(args, { profile: { type: 'string' }, 'callback-host': { type: 'string' } }, 0);
  if (!values.profile) throw new UsageError('provision needs --profile NAME');
  const services = await open();
  const profile = services.profiles.find(values.profile);
  requireKeychain(services, 'keep the new API key');
  const host = values['callback-host'] ?? profile.callbackHost;
  if (!host) throw new UsageError('provision needs --callback-host HOST (or a callback host in the profile)');
  const result = await provisionProfile(services, profile.id, host);
  io.stdout(json ? `${JSON.stringify(result)}\n` : `provisioned an API user for ${profile.name} (callback host ${result.providerCallbackHost}); its id and key are in ${services.keychain.label}\n`);
  return EXIT_OK;
}

/** A command-line run is one session: secrets held in memory would be gone before anyone could use them. */
function requireKeychain(services: AppServices, purpose: string): void {
  if (services.keychain.persistent) return;
  throw new AppError('NO_KEYCHAIN', `the OS keychain is needed to ${purpose}, and it is unavailable: ${services.keychain.problem ?? ''} ${services.keychain.advice ?? ''} For headless runs, give credentials in MOMO_API_USER, MOMO_API_KEY and MOMO_<PRODUCT>_SUBSCRIPTION_KEY instead.`);
}
