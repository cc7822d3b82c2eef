// Finds each field's column from the header, by the names people actually
// use, ignoring case, spaces, dashes and underscores. Columns it does not know
// are kept and carried to the report.
export const FIELDS = ['party', 'partyType', 'amount', 'currency', 'externalId', 'payerMessage', 'payeeNote', 'name'] as const;
export type Field = (typeof FIELDS)[number];

export const ALIASES: Record<Field, readonly string[]> = {
  party: ['msisdn', 'phone', 'phone number', 'phonenumber', 'mobile', 'mobile number', 'mobile no', 'telephone', 'tel', 'party', 'party id', 'partyid', 'payee', 'email', 'e-mail', 'account', 'wallet'],
  partyType: ['party type', 'partytype', 'party id type', 'partyidtype', 'type', 'id type'],
  amount: ['amount', 'amt', 'value', 'sum', 'pay', 'payment'],
  currency: ['currency', 'ccy', 'cur'],
  externalId: ['external id', 'externalid', 'reference', 'ref', 'id', 'payment id', 'payout id', 'invoice'],
  payerMessage: ['payer message', 'payermessage', 'message', 'narration', 'description'],
  payeeNote: ['payee note', 'payeenote', 'note', 'remark', 'remarks'],
  name: ['name', 'full name', 'fullname', 'beneficiary', 'recipient', 'payee name'],
};

const key = (header: string) => header.toLowerCase().replace(/[\s_\-.]+/g, '');
const LOOKUP = new Map<string, Field>(FIELDS.flatMap((field) => ALIASES[field].map((alias) => [key(alias), field] as const)));

export interface ColumnMap {
  /** Column index of each field found. */
  fields: Partial<Record<Field, number>>;
  /** Every header that named each field: more than one means the file is ambiguous. */
  claims: Partial<Record<Field, string[]>>;
  /** Columns no field claimed, by index, with their header. */
  extra: { index: number; header: string }[];
  headers: string[];
}

export function mapColumns(headers: string[]): ColumnMap {
  const fields: Partial<Record<Field, number>> = {};
  const claims: Partial<Record<Field, string[]>> = {};
  const extra: ColumnMap['extra'] = [];
  headers.forEach((raw, index) => {
    const header = raw.trim();
    const field = LOOKUP.get(key(header));
    if (field !== undefined) {
      claims[field] = [...(claims[field] ?? []), header];
      fields[field] ??= index;
    } else if (header !== '') extra.push({ index, header });
  });
  return { fields, claims, extra, headers: headers.map((h) => h.trim()) };
}

export function describeAccepted(field: Field): string {
  return ALIASES[field].map((a) => `"${a}"`).join(', ');
}
