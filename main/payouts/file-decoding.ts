// Turns the bytes of an uploaded file into text the way Excel writes it: UTF-8
// with or without a BOM, or UTF-16 (Excel's "Unicode text") with a BOM. A
// file that is not text, or text in an encoding the console cannot be sure
// of, is refused whole with one clear message.
export type DecodeResult = { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { ok: false; code: 'NOT_TEXT' | 'ENCODING_UNSUPPORTED'; message: string };

export function decodeFile(bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be');
  if (bytes.includes(0)) return notText();
  return utf8(bytes);
}

function utf8(bytes: Uint8Array): DecodeResult {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return looksLikeText(text) ? { ok: true, text, encoding: 'utf-8' } : notText();
  } catch {
    return {
      ok: false,
      code: 'ENCODING_UNSUPPORTED',
      message: 'The file is not UTF-8 text. In Excel, save it with "Save as" → "CSV UTF-8 (Comma delimited)" or "Unicode Text", then import it again.',
    };
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodeResult {
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return looksLikeText(text) ? { ok: true, text, encoding } : notText();
  } catch {
    return notText();
  }
}

/** Control characters other than tab and line breaks mean a binary file, whatever decoded. */
function looksLikeText(text: string): boolean {
  const sample = text.slice(0, 65_536);
  // eslint-disable-next-line no-control-regex
  const control = sample.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g)?.length ?? 0;
  return control <= sample.length / 1000;
}

function notText(): DecodeResult {
  return { ok: false, code: 'NOT_TEXT', message: 'The file is not a text file. Export the payout list from your spreadsheet as CSV (UTF-8) and import that.' };
}

/** The delimiter of the header line: comma, semicolon or tab, whichever occurs most outside quotes. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as keyof typeof counts] += 1;
  }
  const best = (Object.entries(counts) as [',' | ';' | '\t', number][]).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : ',';
}
