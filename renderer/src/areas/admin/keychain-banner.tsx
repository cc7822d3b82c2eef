// Where secrets are kept, and when it is not the OS keychain, why and what to do.
import { useAdmin } from '../../stores/app-stores';

export function KeychainBanner() {
  const keychain = useAdmin((s) => s.keychain);
  if (!keychain) return null;
  if (keychain.problem === null && keychain.persistent) {
    return (
      <p className="keychain-banner keychain-banner--ok" role="status" aria-label="Keychain status">
        <span className="status-dot status-dot--ok" aria-hidden="true" /> Secrets are kept in {keychain.label}.
      </p>
    );
  }
  return (
    <div className="keychain-banner keychain-banner--warn" role="alert" aria-label="Keychain status">
      <strong>{keychain.problem ?? 'Secrets are not being saved.'}</strong>
      <p>
        Secrets you enter now are held in memory for this session only: they are gone when the console quits, and nothing is written to disk. {keychain.advice}
      </p>
    </div>
  );
}
