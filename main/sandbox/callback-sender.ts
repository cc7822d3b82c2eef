// MTN sends one callback when a transaction becomes final, never retried:
// POST for v1 operations, PUT for v2, with a body like the status GET's.
import type { Transaction } from './sandbox-ledger';
import { statusView, type ReasonStyle } from './status-views';

export async function sendCallback(tx: Transaction, reasonStyle: ReasonStyle, timeoutMs: number, now: () => number): Promise<void> {
  if (tx.callbackUrl === null) return;
  const attempt = { at: now(), outcome: 'sending' };
  tx.callbackAttempts.push(attempt);
  try {
    const response = await fetch(tx.callbackUrl, {
      method: tx.kind.version === 'v1' ? 'POST' : 'PUT',
      headers: { 'content-type': 'application/json', 'x-reference-id': tx.referenceId },
      body: JSON.stringify(statusView(tx, reasonStyle)),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    await response.body?.cancel();
    attempt.outcome = `HTTP ${response.status}`;
  } catch (error) {
    attempt.outcome = `failed: ${(error as Error).message}`;
  }
}
