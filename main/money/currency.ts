// ISO 4217 minor-unit digits for the currencies MoMo markets use. Amounts are
// held as integer minor units everywhere; this table says where the point goes.
const MINOR_DIGITS: Readonly<Record<string, number>> = {
  EUR: 2, USD: 2, GBP: 2,
  GHS: 2, ZMW: 2, ZAR: 2, NGN: 2, SZL: 2, LRD: 2, SSP: 2, ETB: 2, MWK: 2, LSL: 2, BWP: 2, KES: 2, TZS: 2,
  UGX: 0, RWF: 0, XAF: 0, XOF: 0, GNF: 0, BIF: 0, KMF: 0,
  SDG: 2, AFN: 2, YER: 2, SYP: 2, IRR: 2,
};

export function minorDigits(currency: string): number | undefined {
  return MINOR_DIGITS[currency];
}

export function isKnownCurrency(currency: string): boolean {
  return Object.hasOwn(MINOR_DIGITS, currency);
}
