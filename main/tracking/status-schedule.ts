// When a payment's status is read again, and when it stops being "pending"
// and becomes UNKNOWN: one schedule for payout rows and for payments made one
// at a time, so a change to it reaches both.
export interface StatusSchedule {
  /** The first read after MoMo accepts, doubling after each read… */
  firstCheckMs: number;
  /** …up to this. */
  maxCheckMs: number;
  /** No final status this long after MoMo accepted: UNKNOWN, with a reason. */
  unknownAfterMs: number;
}

export const DEFAULT_STATUS_SCHEDULE: StatusSchedule = { firstCheckMs: 2_000, maxCheckMs: 60_000, unknownAfterMs: 24 * 3600 * 1000 };

/** The wait before the read after the n-th one. */
export function nextCheckInMs(schedule: Pick<StatusSchedule, 'firstCheckMs' | 'maxCheckMs'>, reads: number): number {
  return Math.min(schedule.maxCheckMs, schedule.firstCheckMs * 2 ** reads);
}

/** Whether the window has run out for a payment MoMo accepted at `acceptedAtIso`. */
export function pastWindow(schedule: Pick<StatusSchedule, 'unknownAfterMs'>, acceptedAtIso: string, now: Date): boolean {
  return now.getTime() - Date.parse(acceptedAtIso) >= schedule.unknownAfterMs;
}

/** The reason an UNKNOWN payment carries (the words in reason-text.ts key on its start). */
export function noFinalStatusReason(schedule: Pick<StatusSchedule, 'unknownAfterMs'>, lastProblem: string | null): string {
  return `no final status within ${Math.round(schedule.unknownAfterMs / 60000)} min${lastProblem ? ` (last: ${lastProblem})` : ''}`;
}
