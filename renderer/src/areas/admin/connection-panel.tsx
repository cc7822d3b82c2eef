// Provisioning (sandbox profiles) and "Test connection": each with a progress
// line while it runs and a plain answer per product when it is done.
import { useState } from 'react';
import { useAdmin, useStores } from '../../stores/app-stores';

export function ProvisioningPanel() {
  const profile = useAdmin((s) => s.profiles.find((p) => p.id === s.selectedId) ?? null);
  const provisioned = useAdmin((s) => s.provisioned);
  const busy = useAdmin((s) => s.busy);
  const admin = useStores().admin.getState;
  const secrets = useAdmin((s) => s.secrets);
  const [host, setHost] = useState(profile?.callbackHost ?? '');
  const [replace, setReplace] = useState(false);
  if (!profile || profile.kind !== 'sandbox') return null;
  const inUse = secrets?.apiUser.set === true && secrets.apiKey.set;
  return (
    <section className="card" aria-label="Provisioning">
      <h2>Provision an API user</h2>
      <ol className="wizard-steps">
        <li>Save a subscription key for any product under Secrets.</li>
        <li>Give the host MoMo may send callbacks to.</li>
        <li>Provision: the API user and its key go straight into the keychain.</li>
      </ol>
      <form
        className="secret-form"
        onSubmit={(event) => {
          event.preventDefault();
          void admin().provision(host.trim());
        }}
      >
        <label className="field">
          <span>Callback host</span>
          <input value={host} onChange={(event) => setHost(event.target.value)} placeholder="payouts.example.com" autoComplete="off" />
        </label>
        {inUse && (
          <label className="field field--inline">
            <input type="checkbox" checked={replace} onChange={(event) => setReplace(event.target.checked)} />
            <span>Replace the API user and key this profile uses now (they keep working until the new ones are stored)</span>
          </label>
        )}
        <button type="submit" className="button" disabled={host.trim() === '' || busy !== null || (inUse && !replace)}>
          Provision
        </button>
      </form>
      {busy === 'provisioning' && <progress aria-label="Provisioning" />}
      {provisioned && (
        <p role="status">
          <span className="status-dot status-dot--ok" aria-hidden="true" />
          {provisioned.reused ? 'The API user already existed and now has a new key' : 'API user created and its key stored'} (callback host {provisioned.providerCallbackHost}, {provisioned.targetEnvironment}).
        </p>
      )}
    </section>
  );
}

export function ConnectionPanel() {
  const profile = useAdmin((s) => s.profiles.find((p) => p.id === s.selectedId) ?? null);
  const connection = useAdmin((s) => s.connection);
  const busy = useAdmin((s) => s.busy);
  const admin = useStores().admin.getState;
  if (!profile) return null;
  return (
    <section className="card" aria-label="Connection test">
      <h2>Test connection</h2>
      <p className="muted">Gets a token and reads the balance for every product that has a subscription key.</p>
      <button type="button" className="button" onClick={() => void admin().testConnection()} disabled={busy !== null}>
        Test {profile.name}
      </button>
      {busy === 'testing' && <progress aria-label="Testing the connection" />}
      {connection && connection.profileId === profile.id && (
        <ul className="check-list">
          {connection.results.map((result) => (
            <li key={result.product} className={`check check--${result.outcome}`}>
              <span className={`status-dot ${result.outcome === 'ok' ? 'status-dot--ok' : result.outcome === 'failed' ? 'status-dot--bad' : ''}`} aria-hidden="true" />
              <strong>{result.product}</strong>: {result.outcome === 'ok' ? result.balance : result.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
