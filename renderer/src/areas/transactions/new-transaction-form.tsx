// One payment or collection started by hand. main checks it as it checks a
// CSV row; this form refuses the obvious mistakes before anything is sent and
// asks for the profile name again on a production profile.
import { useId, useState, type ReactNode } from 'react';
import type { ChannelArgs, SingleOperation, TransactionDetail } from '../../../../preload/contract';
import { callApi } from '../../api/momo-client';
import { useSession, useStores } from '../../stores/app-stores';
import { isPositiveDecimal } from '../../money/decimal';
import { MESSAGE_LIMIT } from './delivery-notification-form';
import { OPERATION_WORDS, OPERATIONS, PARTY_TYPE_WORDS, type PartyType } from './words';

const PARTY_TYPES = Object.keys(PARTY_TYPE_WORDS) as PartyType[];
const needsAmount = (kind: SingleOperation) => kind !== 'collection.preapproval';
const needsPayee = (kind: SingleOperation) => kind === 'collection.invoice';
const takesValidity = (kind: SingleOperation) => kind === 'collection.invoice' || kind === 'collection.preapproval';
const pays = (kind: SingleOperation) => !kind.startsWith('collection.');

interface Fields {
  kind: SingleOperation;
  partyType: PartyType;
  party: string;
  amount: string;
  externalId: string;
  payerMessage: string;
  payeeNote: string;
  payeePartyType: PartyType;
  payee: string;
  validitySeconds: string;
  confirmName: string;
}

const START: Fields = {
  kind: 'collection.requesttopay',
  partyType: 'MSISDN',
  party: '',
  amount: '',
  externalId: '',
  payerMessage: '',
  payeeNote: '',
  payeePartyType: 'MSISDN',
  payee: '',
  validitySeconds: '',
  confirmName: '',
};

type Problems = Partial<Record<keyof Fields, string>>;

function check(fields: Fields, confirmName: string | null): Problems {
  const problems: Problems = {};
  if (fields.party.trim() === '') problems.party = 'The phone number, email or party code is required.';
  if (needsAmount(fields.kind) && !isPositiveDecimal(fields.amount.trim())) problems.amount = 'Enter an amount greater than zero, such as 5000 or 250.50.';
  if (fields.externalId.trim().length > 256) problems.externalId = 'At most 256 characters.';
  if (fields.payerMessage.length > MESSAGE_LIMIT) problems.payerMessage = `At most ${MESSAGE_LIMIT} characters.`;
  if (fields.payeeNote.length > MESSAGE_LIMIT) problems.payeeNote = `At most ${MESSAGE_LIMIT} characters.`;
  if (needsPayee(fields.kind) && fields.payee.trim() === '') problems.payee = 'An invoice needs the party who is paid.';
  if (takesValidity(fields.kind) && fields.validitySeconds.trim() !== '') {
    const seconds = fields.validitySeconds.trim();
    if (!/^\d{1,8}$/.test(seconds) || Number(seconds) < 1) problems.validitySeconds = 'A whole number of seconds from 1 to 99,999,999.';
  }
  if (confirmName !== null && fields.confirmName.trim() !== confirmName) problems.confirmName = `Type “${confirmName}” exactly.`;
  return problems;
}

function toArgs(fields: Fields, production: boolean): ChannelArgs<'createTransaction'> {
  const externalId = fields.externalId.trim();
  const seconds = fields.validitySeconds.trim();
  return {
    kind: fields.kind,
    partyType: fields.partyType,
    party: fields.party.trim(),
    ...(needsAmount(fields.kind) ? { amount: fields.amount.trim() } : {}),
    ...(externalId ? { externalId } : {}),
    payerMessage: fields.payerMessage,
    payeeNote: fields.payeeNote,
    ...(needsPayee(fields.kind) ? { payee: { partyType: fields.payeePartyType, party: fields.payee.trim() } } : {}),
    ...(takesValidity(fields.kind) && seconds ? { validitySeconds: Number(seconds) } : {}),
    ...(production ? { confirmName: fields.confirmName.trim() } : {}),
  };
}

export function NewTransactionForm({
  onCreated,
  onClose,
  onSearchFor,
}: {
  onCreated: (detail: TransactionDetail) => void;
  onClose: () => void;
  /** Leaves the form for a search for this text (the external id or party of a payment whose sending failed). */
  onSearchFor: (text: string) => void;
}) {
  const { api, errors } = useStores();
  const profile = useSession((s) => s.profile);
  const production = profile?.kind === 'production';
  const [fields, setFields] = useState<Fields>(START);
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  /** What to search for after sending failed: the request may still have reached MoMo. */
  const [failed, setFailed] = useState<{ searchFor: string; words: string } | null>(null);
  const ids = useId();
  const problems = check(fields, production ? profile.name : null);
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => setFields((current) => ({ ...current, [key]: value }));
  const problemOf = (key: keyof Fields) => (shown ? problems[key] : undefined);
  /** The props that tie an input to its label, its hint and its problem. */
  const input = (key: keyof Fields, hint: boolean) => ({
    id: `${ids}-${key}`,
    'aria-invalid': problemOf(key) ? true : undefined,
    'aria-describedby': [hint ? `${ids}-${key}-hint` : '', problemOf(key) ? `${ids}-${key}-problem` : ''].filter(Boolean).join(' ') || undefined,
  });
  const field = (key: keyof Fields, label: string, control: ReactNode, hint?: ReactNode) => (
    <div className="field">
      <label htmlFor={`${ids}-${key}`}>{label}</label>
      {control}
      {hint !== undefined && (
        <span id={`${ids}-${key}-hint`} className="muted">
          {hint}
        </span>
      )}
      {problemOf(key) && (
        <span id={`${ids}-${key}-problem`} className="text-bad">
          {problemOf(key)}
        </span>
      )}
    </div>
  );
  const counter = (text: string) => <span className={text.length > MESSAGE_LIMIT ? 'text-bad' : undefined}>{`${text.length}/${MESSAGE_LIMIT}`}</span>;
  const words = OPERATION_WORDS[fields.kind];
  const currency = profile?.currency ?? '';
  return (
    <form
      className={`card new-transaction${production ? ' new-transaction--production' : ''}`}
      aria-label="New payment or collection"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setShown(true);
        if (Object.keys(problems).length > 0 || busy) return;
        setBusy(true);
        setFailed(null);
        const args = toArgs(fields, production);
        callApi(api, 'createTransaction', args)
          .then(onCreated)
          .catch((error: unknown) => {
            setFailed({ searchFor: args.externalId ?? args.party, words: OPERATION_WORDS[args.kind].toLowerCase() });
            errors.getState().report(error);
          })
          .finally(() => setBusy(false));
      }}
    >
      <h2>New payment or collection</h2>
      {production && (
        <p className="keychain-banner keychain-banner--warn">
          This uses the production profile “{profile.name}”: real money moves.
        </p>
      )}
      <div className="field-grid">
        {field(
          'kind',
          'Operation',
          <select {...input('kind', false)} value={fields.kind} onChange={(event) => set('kind', event.target.value as SingleOperation)}>
            {OPERATIONS.map((kind) => (
              <option key={kind} value={kind}>
                {OPERATION_WORDS[kind]}
              </option>
            ))}
          </select>,
        )}
        {field(
          'partyType',
          'Party type',
          <select {...input('partyType', false)} value={fields.partyType} onChange={(event) => set('partyType', event.target.value as PartyType)}>
            {PARTY_TYPES.map((type) => (
              <option key={type} value={type}>
                {PARTY_TYPE_WORDS[type]}
              </option>
            ))}
          </select>,
        )}
        {field(
          'party',
          'Party',
          <input {...input('party', true)} value={fields.party} onChange={(event) => set('party', event.target.value)} autoComplete="off" spellCheck={false} />,
          pays(fields.kind) ? 'Who is paid.' : 'Who pays.',
        )}
        {needsAmount(fields.kind) &&
          field(
            'amount',
            'Amount',
            <input {...input('amount', true)} value={fields.amount} onChange={(event) => set('amount', event.target.value)} inputMode="decimal" autoComplete="off" />,
            currency ? `In ${currency}.` : 'In the profile’s currency.',
          )}
        {field(
          'externalId',
          'External id (optional)',
          <input {...input('externalId', true)} value={fields.externalId} onChange={(event) => set('externalId', event.target.value)} autoComplete="off" spellCheck={false} />,
          'Left empty, the console makes one.',
        )}
        {field('payerMessage', 'Payer message', <input {...input('payerMessage', true)} value={fields.payerMessage} onChange={(event) => set('payerMessage', event.target.value)} autoComplete="off" />, counter(fields.payerMessage))}
        {field('payeeNote', 'Payee note', <input {...input('payeeNote', true)} value={fields.payeeNote} onChange={(event) => set('payeeNote', event.target.value)} autoComplete="off" />, counter(fields.payeeNote))}
        {needsPayee(fields.kind) && (
          <>
            {field(
              'payeePartyType',
              'Payee type',
              <select {...input('payeePartyType', false)} value={fields.payeePartyType} onChange={(event) => set('payeePartyType', event.target.value as PartyType)}>
                {PARTY_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {PARTY_TYPE_WORDS[type]}
                  </option>
                ))}
              </select>,
            )}
            {field(
              'payee',
              'Payee',
              <input {...input('payee', true)} value={fields.payee} onChange={(event) => set('payee', event.target.value)} autoComplete="off" spellCheck={false} />,
              'Who the invoice pays.',
            )}
          </>
        )}
        {takesValidity(fields.kind) &&
          field(
            'validitySeconds',
            'Valid for (seconds)',
            <input {...input('validitySeconds', false)} value={fields.validitySeconds} onChange={(event) => set('validitySeconds', event.target.value)} inputMode="numeric" autoComplete="off" placeholder="3600" />,
          )}
        {production &&
          field(
            'confirmName',
            'Type the profile name to confirm',
            <input {...input('confirmName', false)} value={fields.confirmName} onChange={(event) => set('confirmName', event.target.value)} autoComplete="off" placeholder={profile.name} />,
          )}
      </div>
      <div className="form-actions">
        <button type="submit" className={production ? 'button button--danger' : 'button'} disabled={busy}>
          Send {words.toLowerCase()} to MoMo
        </button>
        <button type="button" className="button button--secondary" onClick={onClose} disabled={busy}>
          Close
        </button>
        {busy && <progress aria-label="Sending to MoMo" />}
      </div>
      {shown && Object.keys(problems).length > 0 && <p className="text-bad">Nothing was sent: correct the fields marked above.</p>}
      {failed !== null && !busy && (
        <div className="keychain-banner keychain-banner--warn transaction-send-failed" role="status" aria-label="Before sending again">
          <p>
            The console did not confirm that MoMo got this {failed.words}, but it may have reached MoMo all the same (a timeout can), and sending it again would then
            move the money twice. Search for it first; send it again only if it is not there.
          </p>
          <div className="form-actions">
            <button type="button" className="button button--secondary" onClick={() => onSearchFor(failed.searchFor)}>
              Search for “{failed.searchFor}”
            </button>
          </div>
        </div>
      )}
    </form>
  );
}
