// Payer messages and payee notes: at most 160 characters, without the
// characters MoMo refuses; those are removed with a warning, or the row is
// refused, as the import settings say.
import type { Check } from './party-checks';

// MTN's API refuses these in free text (observed for ' and &; the rest are markup).
const REFUSED = /['&<>"\\]/g;

export function checkMessage(raw: string, mode: 'strip' | 'refuse'): Check<{ text: string; stripped: string[] }> {
  const found = [...new Set(raw.match(REFUSED) ?? [])];
  if (found.length > 0 && mode === 'refuse') return { ok: false, code: 'MESSAGE_CHARACTERS', reason: `contains ${found.map((c) => `"${c}"`).join(', ')}, which MoMo refuses` };
  const text = raw.replace(REFUSED, '').replace(/\s+/g, ' ').trim();
  if (text.length > 160) return { ok: false, code: 'MESSAGE_TOO_LONG', reason: `${text.length} characters; MoMo takes at most 160` };
  return { ok: true, value: { text, stripped: found } };
}
