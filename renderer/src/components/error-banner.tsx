import { useErrors } from '../stores/app-stores';

export function ErrorBanner() {
  const errors = useErrors((state) => state.errors);
  const dismiss = useErrors((state) => state.dismiss);
  if (errors.length === 0) return null;
  return (
    <section className="error-stack" aria-label="Errors">
      {errors.map((error) => (
        <div key={error.id} className="error-banner" role="alert">
          <div>
            <strong>{error.title}</strong>
            <p>{error.message}</p>
            <code className="error-code">{error.code}</code>
          </div>
          <button type="button" onClick={() => dismiss(error.id)} aria-label={`Dismiss: ${error.title}`}>
            Dismiss
          </button>
        </div>
      ))}
    </section>
  );
}
