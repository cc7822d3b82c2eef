// The one error surface: every failed call lands here and the banner shows it.
import { createStore } from 'zustand/vanilla';
import { ApiError } from '../api/momo-client';

export interface ShownError {
  id: number;
  code: string;
  title: string;
  message: string;
}

export interface ErrorState {
  errors: ShownError[];
  report(error: unknown): void;
  dismiss(id: number): void;
}

const TITLES: Record<string, string> = {
  FORBIDDEN_SENDER: 'This window is not allowed to do that',
  UNKNOWN_CHANNEL: 'The console does not know that operation',
  INVALID_ARGUMENT: 'Some of what was sent is not valid',
  NOT_ALLOWED: 'Not allowed',
  UNAVAILABLE: 'The console is not answering',
  INTERNAL: 'Something went wrong inside the console',
  INVALID_PROFILE: 'The profile cannot be saved',
  PROFILE_NOT_FOUND: 'That profile does not exist',
  CONFIRMATION_REQUIRED: 'Confirmation needed',
  INVALID_SECRET: 'That secret cannot be stored',
  MISSING_SECRET: 'A secret is missing',
  PROVISIONING_FAILED: 'Provisioning failed',
  LOCAL_SANDBOX_DOWN: 'The local sandbox is not running',
  PORT_UNAVAILABLE: 'That port cannot be used',
  PROFILE_CHANGED: 'The profile points at another MoMo now',
};

export function titleForCode(code: string): string {
  return TITLES[code] ?? 'The operation failed';
}

export function createErrorStore() {
  let nextId = 1;
  return createStore<ErrorState>()((set) => ({
    errors: [],
    report(error) {
      const shown =
        error instanceof ApiError
          ? { code: error.error.code, message: error.error.message }
          : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
      const id = nextId++;
      set((state) => ({ errors: [...state.errors, { id, title: titleForCode(shown.code), ...shown }] }));
    },
    dismiss(id) {
      set((state) => ({ errors: state.errors.filter((error) => error.id !== id) }));
    },
  }));
}
