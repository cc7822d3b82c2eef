// Turns an uncaught error in main into what the user is shown. The message is
// kept (it is ours) but no stack trace: those go to the log only.
export function describeFatalError(kind: string, error: unknown): { title: string; body: string } {
  const message = error instanceof Error ? error.message : String(error);
  return {
    title: 'MoMo Console hit an unexpected error',
    body: `${message}\n\n(${kind}; the details are in the log.)`,
  };
}
