// Secrets out of everything the client hands over: header values by name, body
// fields by name (JSON and form bodies), and, as a second line of defence, any
// known secret value wherever it appears in a string (an echoing error message,
// a server's diagnostic header).
export const REDACTED = '[redacted]';

const SECRET_HEADERS = new Set(['authorization', 'ocp-apim-subscription-key']);
const SECRET_FIELDS = new Set(['apikey', 'access_token', 'refresh_token', 'id_token', 'auth_req_id']);

export function redactHeaders(headers: Record<string, unknown>, scrubber: SecretScrubber): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    out[name.toLowerCase()] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : scrubber.scrub(text);
  }
  return out;
}

/** A body as text with its secret fields replaced; JSON and form bodies by field, anything else by value. */
export function redactBody(body: string | null, scrubber: SecretScrubber): string | null {
  if (body === null || body === '') return body;
  const json = tryJson(body);
  if (json !== undefined) return scrubber.scrub(JSON.stringify(redactFields(json)));
  if (/^[\w.%+-]+=[^&]*(&[\w.%+-]+=[^&]*)*$/.test(body)) {
    const form = new URLSearchParams(body);
    for (const key of [...form.keys()]) if (SECRET_FIELDS.has(key.toLowerCase())) form.set(key, REDACTED);
    return scrubber.scrub(form.toString());
  }
  return scrubber.scrub(body);
}

function redactFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactFields);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, SECRET_FIELDS.has(key.toLowerCase()) ? REDACTED : redactFields(inner)]),
  );
}

function tryJson(text: string): unknown {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The secret values currently in play. Long-lived ones (API key, subscription
 * keys, the Basic credential) are pinned; tokens rotate, so only the most
 * recent of them are kept. Short values are ignored because they would mangle
 * ordinary text.
 */
export class SecretScrubber {
  private readonly pinned = new Set<string>();
  private readonly recent: string[] = [];
  private pattern: RegExp | null = null;

  constructor(private readonly capacity = 64) {}

  /** A secret for as long as this scrubber lives. */
  pin(value: string | null | undefined): void {
    if (!value || value.length < 8 || this.pinned.has(value)) return;
    this.pinned.add(value);
    this.rebuild();
  }

  /** A short-lived secret (a token); the oldest drop out once `capacity` are held. */
  add(value: string | null | undefined): void {
    if (!value || value.length < 8 || this.pinned.has(value) || this.recent.includes(value)) return;
    this.recent.push(value);
    if (this.recent.length > this.capacity) this.recent.shift();
    this.rebuild();
  }

  scrub(text: string): string {
    return this.pattern === null ? text : text.replace(this.pattern, REDACTED);
  }

  private rebuild(): void {
    // Longest first, so a secret that contains another is replaced whole.
    const sorted = [...this.pinned, ...this.recent].sort((a, b) => b.length - a.length);
    this.pattern = new RegExp(sorted.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  }
}
