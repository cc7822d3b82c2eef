// A redacted copy of one request and its response: what the support view shows
// as "raw request/response". Built only from redacted parts, so it may be
// stored and displayed.
export interface Exchange {
  startedAt: string;
  durationMs: number;
  method: string;
  /** The path template (`/disbursement/v1_0/transfer/{referenceId}`). */
  endpoint: string;
  /** The concrete path, ids included. */
  path: string;
  referenceId: string | null;
  request: { headers: Record<string, string>; body: string | null };
  /** Null when no answer came (connection failed, reset or timed out). */
  response: { status: number; headers: Record<string, string>; body: string | null } | null;
  /** Why there was no answer. */
  failure: string | null;
}
