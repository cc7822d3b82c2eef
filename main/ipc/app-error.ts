// The one error type services throw on purpose. Its code and message are
// written for the person at the screen; anything else thrown is a bug and
// reaches the renderer only as a generic INTERNAL error.
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
