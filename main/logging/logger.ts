// Structured logging for main. Every logger is built here so redaction rules
// live in one place; later services add their own secret paths to this list.
import pino, { type DestinationStream, type Logger } from 'pino';

export const REDACTED_PATHS = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  'headers["ocp-apim-subscription-key"]',
  '*.apiKey',
  '*.access_token',
  '*.refresh_token',
];

export function createLogger(destination?: DestinationStream, level = process.env.MOMO_LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { app: 'momo-console' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}

export type { Logger };
