// Who gets paid: the party's type (given, or inferred), and its id checked
// and normalised. Phone numbers damaged by Excel are refused, never guessed.
import { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { z } from 'zod';

export type PartyType = 'MSISDN' | 'EMAIL' | 'PARTY_CODE';
export type Check<T> = { ok: true; value: T } | { ok: false; code: string; reason: string };

export interface PhoneRules {
  /** Production checks numbers against the country's numbering plan; sandboxes use test numbers that are not real. */
  strict: boolean;
  /** ISO 3166 alpha-2: national numbers get its calling code. */
  countryCode: string | undefined;
}

const email = z.email();
const uuid = z.uuid();
/** The shape alone, for telling a party code from a phone number cheaply on every row. */
export const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function partyType(given: string | undefined, partyId: string): Check<PartyType> {
  const text = (given ?? '').trim().toUpperCase().replace(/[\s-]/g, '_');
  if (text === '') return { ok: true, value: partyId.includes('@') ? 'EMAIL' : UUID_SHAPE.test(partyId.trim()) ? 'PARTY_CODE' : 'MSISDN' };
  if (text === 'MSISDN' || text === 'PHONE' || text === 'MOBILE') return { ok: true, value: 'MSISDN' };
  if (text === 'EMAIL' || text === 'E_MAIL') return { ok: true, value: 'EMAIL' };
  if (text === 'PARTY_CODE' || text === 'PARTYCODE') return { ok: true, value: 'PARTY_CODE' };
  return { ok: false, code: 'PARTY_TYPE_UNKNOWN', reason: `"${given}" is not a party type; use MSISDN, EMAIL or PARTY_CODE` };
}

export function checkParty(type: PartyType, raw: string, phone: PhoneRules): Check<string> {
  const text = raw.trim();
  if (text === '') return { ok: false, code: 'PARTY_MISSING', reason: 'no phone number, e-mail or party code' };
  if (type === 'EMAIL') return email.safeParse(text).success ? { ok: true, value: text.toLowerCase() } : { ok: false, code: 'EMAIL_INVALID', reason: `"${text}" is not an e-mail address` };
  if (type === 'PARTY_CODE') return uuid.safeParse(text).success ? { ok: true, value: text.toLowerCase() } : { ok: false, code: 'PARTY_CODE_INVALID', reason: `"${text}" is not a party code (a UUID)` };
  return checkPhone(text, phone);
}

export function checkPhone(text: string, rules: PhoneRules): Check<string> {
  if (/^\d(\.\d+)?e\+?\d+$/i.test(text)) {
    return { ok: false, code: 'PHONE_SCIENTIFIC_NOTATION', reason: `"${text}" is a number Excel turned into scientific notation, which loses digits; format the column as Text and export again` };
  }
  const fraction = /^(\d+)[.,](\d+)$/.exec(text);
  if (fraction && !/^0+$/.test(fraction[2] ?? '')) return { ok: false, code: 'PHONE_DECIMAL', reason: `"${text}" has a decimal fraction, so it is not a phone number` };
  if (/^(\+|00)\s*\d{1,3}\s*\(0\)/.test(text)) return { ok: false, code: 'PHONE_INVALID', reason: `"${text}" has "(0)" after the country code; write the number without it` };
  const cleaned = (fraction ? (fraction[1] ?? '') : text).replace(/[\s\-.()\u00a0]/g, '');
  if (!/^(\+|00)?\d+$/.test(cleaned)) return { ok: false, code: 'PHONE_INVALID', reason: `"${text}" contains characters a phone number cannot have` };
  const international = cleaned.startsWith('+') || cleaned.startsWith('00');
  let digits = cleaned.replace(/^(\+|00)/, '');
  const country = rules.countryCode && isSupportedCountry(rules.countryCode) ? (rules.countryCode as CountryCode) : undefined;
  if (!international) {
    const callingCode = country ? getCountryCallingCode(country) : undefined;
    const national = digits.startsWith('0') || (callingCode !== undefined && !digits.startsWith(callingCode) && digits.length <= 10);
    if (national) {
      if (!callingCode) return { ok: false, code: 'PHONE_NEEDS_COUNTRY', reason: `"${text}" is a national number and the profile has no default country; write it with its country code` };
      const rest = digits.replace(/^0/, '');
      // "0256772…": a trunk 0 in front of a country code is two conventions at once; refuse rather than guess.
      if (rest.startsWith(callingCode) && rest.length > 10) return { ok: false, code: 'PHONE_INVALID', reason: `"${text}" starts with 0 and then the country code; write it as +${rest} or 0${rest.slice(callingCode.length)}` };
      digits = `${callingCode}${rest}`;
    }
  }
  if (!/^[1-9]\d{7,14}$/.test(digits)) return { ok: false, code: 'PHONE_INVALID', reason: `"${text}" is not a phone number (8 to 15 digits with the country code)` };
  if (rules.strict) {
    const parsed = parsePhoneNumberFromString(`+${digits}`);
    if (!parsed?.isValid()) return { ok: false, code: 'PHONE_INVALID', reason: `"${text}" is not a valid phone number` };
    if (country && parsed.country !== country) return { ok: false, code: 'PHONE_WRONG_COUNTRY', reason: `"${text}" is a ${parsed.country ?? 'foreign'} number; this profile pays in ${country}` };
    // Store exactly the number that was validated.
    return { ok: true, value: parsed.number.replace(/^\+/, '') };
  }
  return { ok: true, value: digits };
}
