// What an agent types into one search box, told apart: a reference id, an
// e-mail, a phone number (normalised the way stored parties are), or else an
// external id or party code. A number may be a phone or an external id, so it
// matches either. The filters are checked and turned into store terms.
import type { Profile, TransactionSearch } from '../../preload/contract';
import { AppError } from '../ipc/app-error';
import { minorDigits } from '../money/currency';
import { checkPhone, UUID_SHAPE } from '../payouts/party-checks';
import { limitMinor } from '../payouts/payout-import';
import type { TransactionFilter } from '../store/transaction-repository';


export function toFilter(search: TransactionSearch, profile: Profile): { filter: TransactionFilter; interpretedAs: string } {
  const filter: TransactionFilter = {};
  const described: string[] = [];
  const text = search.text?.trim() ?? '';
  if (UUID_SHAPE.test(text)) {
    filter.referenceId = text.toLowerCase();
    described.push(`reference id ${text.toLowerCase()}`);
  } else if (text.includes('@')) {
    filter.partyOrExternalId = { partyId: text.toLowerCase(), externalId: text };
    described.push(`e-mail ${text.toLowerCase()}`);
  } else if (/^[+\d][\d\s\-.()]{5,}$/.test(text)) {
    // Sandboxes use test numbers outside any numbering plan: the search is never stricter than the profile's import.
    const phone = checkPhone(text, { strict: false, countryCode: profile.countryCode });
    filter.partyOrExternalId = { partyId: phone.ok ? phone.value : null, externalId: text };
    described.push(phone.ok ? `phone number +${phone.value} (or external id ${text})` : `external id ${text}`);
  } else if (text !== '') {
    filter.partyOrExternalId = { partyId: text.toLowerCase(), externalId: text };
    described.push(`external id or party code ${text}`);
  }
  if (search.status) {
    filter.status = search.status;
    described.push(`status ${search.status}`);
  }
  if (search.kind) {
    filter.kind = search.kind;
    described.push(search.kind);
  }
  if (search.profileId) filter.profileId = search.profileId;
  if (search.from) filter.fromIso = dayStart(search.from, 'from');
  if (search.to) filter.toIso = dayAfter(search.to, 'to');
  if (filter.fromIso && filter.toIso && filter.fromIso >= filter.toIso) throw new AppError('INVALID_INPUT', 'to: the end date is before the start date', { field: 'to' });
  if (search.from || search.to) described.push(`from ${search.from ?? 'the start'} to ${search.to ?? 'today'}`);
  // Amounts are compared in the profile's currency's minor units, so only that currency's transactions match.
  if (search.minAmount) filter.minMinor = minorOf(search.minAmount, 'minAmount', profile.currency);
  if (search.maxAmount) filter.maxMinor = minorOf(search.maxAmount, 'maxAmount', profile.currency);
  if (search.minAmount || search.maxAmount) filter.currency = profile.currency;
  if (filter.minMinor !== undefined && filter.maxMinor !== undefined && filter.minMinor > filter.maxMinor) {
    throw new AppError('INVALID_INPUT', 'maxAmount: the largest amount is below the smallest', { field: 'maxAmount' });
  }
  if (search.minAmount || search.maxAmount) described.push(`amount ${search.minAmount ?? '0'} to ${search.maxAmount ?? 'any'} ${profile.currency}`);
  return { filter, interpretedAs: described.length ? described.join(', ') : 'all transactions' };
}

function minorOf(text: string, field: string, currency: string): bigint {
  const decimals = text.split('.')[1]?.length ?? 0;
  if (decimals > (minorDigits(currency) ?? 2)) throw new AppError('INVALID_INPUT', `${field}: "${text}" has more decimals than ${currency} allows`, { field });
  return limitMinor(text, currency);
}

function dayStart(text: string, field: string): string {
  const date = new Date(text.length === 10 ? `${text}T00:00:00.000Z` : text);
  if (Number.isNaN(date.getTime())) throw new AppError('INVALID_INPUT', `${field}: "${text}" is not a date`, { field });
  return date.toISOString();
}

/** A bare date includes its whole day. */
function dayAfter(text: string, field: string): string {
  const start = new Date(dayStart(text, field));
  if (text.length === 10) start.setUTCDate(start.getUTCDate() + 1);
  return start.toISOString();
}
