// `momo-console tx get | tx search` and `momo-console balance`: the support
// agent's lookup and treasury's balances, headless (DESIGN §8). Exit 0 found /
// read; 1 not found, or a product's balance could not be read; 2 bad arguments.
import { displayStatusSchema, productSchema, transactionSearchSchema, type TransactionDetail, type TransactionView } from '../../preload/contract';
import { createAppServices, type AppServices } from '../app-services';
import { resolveDataDir } from '../data-dir';
import { AppError } from '../ipc/app-error';
import { createLogger } from '../logging/logger';
import { displayAmount } from '../money/amount';
import { EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, type CliIo } from './cli-io';
import { parseFlags } from './cli-args';

export const TX_USAGE = `momo-console tx get REFERENCE_ID [--product P] [--profile NAME] [--json]
  momo-console tx search [TEXT] [--status S] [--kind K] [--from DATE] [--to DATE] [--min-amount A] [--max-amount A]
                     [--profile NAME] [--limit N] [--offset N] [--json]
                     (TEXT: a phone number, e-mail, reference id or external id)
  momo-console balance [--profile NAME] [--currency CUR] [--json]`;

const USAGE_CODES = new Set(['USAGE', 'INVALID_INPUT', 'PROFILE_NOT_FOUND']);

const options = {
  json: { type: 'boolean' },
  profile: { type: 'string' },
  product: { type: 'string' },
  currency: { type: 'string' },
  status: { type: 'string' },
  kind: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'min-amount': { type: 'string' },
  'max-amount': { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
} as const;

export async function runSupportCommand(command: 'tx' | 'balance', args: string[], io: CliIo): Promise<number> {
  const json = args.includes('--json');
  let services: AppServices | null = null;
  try {
    const { values, positionals } = parseFlags(args, options);
    services = await createAppServices({ dataDir: resolveDataDir(io.env), logger: createLogger(undefined, io.env.MOMO_LOG_LEVEL ?? 'silent'), env: io.env });
    const profile = values.profile ? services.profiles.find(values.profile) : services.profiles.active();
    const print = (value: unknown, words: string) => io.stdout(json ? `${JSON.stringify(value)}\n` : `${words}\n`);

    if (command === 'balance') {
      if (positionals.length > 0) throw new AppError('USAGE', `balance takes no arguments, got "${positionals.join(' ')}"`);
      const currency = values.currency?.toUpperCase();
      if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) throw new AppError('USAGE', `--currency takes a three-letter code such as UGX, got "${values.currency ?? ''}"`);
      const balances = await services.balances.current(true, profile, currency);
      const lines = balances.readings.map((r) => `${r.product.padEnd(13)} ${r.available === null ? `no reading: ${r.problem ?? 'not read yet'}` : `${displayAmount(r.available, r.currency)} ${r.currency}${r.low ? `  (at or under the warning threshold of ${r.threshold ?? ''})` : ''}`}`);
      print(balances, `${profile.name}\n${lines.join('\n')}`);
      // A product without a subscription key is not a failure: the profile does not use it.
      return balances.readings.some((r) => r.problem !== null && !r.problem.startsWith('No subscription key')) ? EXIT_SOME_FAILED : EXIT_OK;
    }

    const [sub, ...rest] = positionals;
    if (sub === 'get') {
      const [referenceId, ...more] = rest;
      if (!referenceId || more.length > 0) throw new AppError('USAGE', 'tx get takes one REFERENCE_ID');
      const product = values.product === undefined ? undefined : productSchema.safeParse(values.product);
      if (product && !product.success) throw new AppError('USAGE', `--product is collection, disbursement or remittance; got "${values.product ?? ''}"`);
      const detail = services.transactions.detail(await services.transactions.get(referenceId, product?.data, profile));
      print(detail, describe(detail));
      return EXIT_OK;
    }
    if (sub === 'search') {
      if (rest.length > 1) throw new AppError('USAGE', `tx search takes at most one TEXT (quote it if it has spaces), got ${rest.length}`);
      const status = values.status?.toUpperCase();
      if (status !== undefined && !displayStatusSchema.safeParse(status).success) throw new AppError('USAGE', `--status is PENDING, SUCCESSFUL, FAILED or UNKNOWN; got "${values.status ?? ''}"`);
      const search = transactionSearchSchema.safeParse({
        ...(rest[0] ? { text: rest[0] } : {}),
        ...(status ? { status } : {}),
        ...(values.kind ? { kind: values.kind } : {}),
        ...(values.profile ? { profileId: profile.id } : {}),
        ...(values.from ? { from: values.from } : {}),
        ...(values.to ? { to: values.to } : {}),
        ...(values['min-amount'] ? { minAmount: values['min-amount'] } : {}),
        ...(values['max-amount'] ? { maxAmount: values['max-amount'] } : {}),
        ...(values.limit ? { limit: Number(values.limit) } : {}),
        ...(values.offset ? { offset: Number(values.offset) } : {}),
      });
      if (!search.success) {
        const issue = search.error.issues[0];
        throw new AppError('USAGE', `--${String(issue?.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${issue?.message ?? 'not valid'}`);
      }
      const { interpretedAs, rows: views, nextOffset } = services.transactions.search(search.data, profile);
      print(
        { interpretedAs, rows: views, nextOffset },
        [`searched for ${interpretedAs}: ${views.length === 0 ? 'nothing found' : `${views.length}${nextOffset !== null ? ` (more with --offset ${nextOffset})` : ''}`}`, ...views.map(line)].join('\n'),
      );
      return EXIT_OK;
    }
    throw new AppError('USAGE', sub === undefined ? 'tx needs a subcommand: get or search' : `unknown tx subcommand: ${sub}`);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    io.stderr(json ? `${JSON.stringify({ error: { code: error.code, message: error.message } })}\n` : `momo-console ${command}: ${error.message}\n${error.code === 'USAGE' ? `\nUsage: ${TX_USAGE}\n` : ''}`);
    return USAGE_CODES.has(error.code) ? EXIT_USAGE : EXIT_SOME_FAILED;
  } finally {
    await (services as AppServices | null)?.close();
  }
}

function line(t: TransactionView): string {
  return [t.createdAt, t.referenceId, t.kind.padEnd(31), t.status.padEnd(10), `${t.amount ?? '-'} ${t.currency ?? ''}`.padEnd(16), t.partyId ?? '-', t.externalId ?? ''].join('  ');
}

function describe(t: TransactionDetail): string {
  return [
    `${t.referenceId}  ${t.kind}  ${t.status}${t.momoStatus ? ` (MoMo: ${t.momoStatus})` : ''}`,
    `amount ${t.amount ?? '-'} ${t.currency ?? ''}; party ${t.partyType ?? '-'} ${t.partyId ?? '-'}; external id ${t.externalId ?? '-'}${t.batchId ? `; batch ${t.batchId}` : ''}`,
    ...(t.reason ? [`reason ${t.reason}: ${t.reasonText ?? ''}`] : []),
    ...(t.financialTransactionId ? [`financial transaction id ${t.financialTransactionId}`] : []),
    `created ${t.createdAt}, updated ${t.updatedAt} (${t.origin})`,
    'timeline:',
    ...t.timeline.map((e) => `  ${e.at}  ${e.text}`),
  ].join('\n');
}
