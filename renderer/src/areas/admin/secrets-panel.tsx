// Write-only secret fields: a value is typed, sent to main and the field is
// emptied; what comes back is only "set" (and the last four characters of a
// subscription key). Nothing here can show a stored secret.
import { useState } from 'react';
import type { SecretRef } from '../../../../preload/contract';
import { useAdmin, useStores } from '../../stores/app-stores';

const PRODUCTS = ['collection', 'disbursement', 'remittance'] as const;

export function SecretsPanel() {
  const secrets = useAdmin((s) => s.secrets);
  const profile = useAdmin((s) => s.profiles.find((p) => p.id === s.selectedId) ?? null);
  if (!secrets || !profile) return null;
  if (secrets.backend === 'local-sandbox') {
    return (
      <section className="card" aria-label="Secrets">
        <h2>Secrets</h2>
        <p className="muted">The Local sandbox profile provisions its own API user on the built-in emulator each time the console starts. There is nothing to enter.</p>
      </section>
    );
  }
  return (
    <section className="card" aria-label="Secrets">
      <h2>Secrets for {profile.name}</h2>
      <p className="muted">Write-only: what you enter goes to the keychain and is never shown again.</p>
      <table className="secret-table">
        <tbody>
          <SecretRow label="API user id" secret={{ kind: 'api-user' }} state={secrets.apiUser.set ? 'set' : null} />
          <SecretRow label="API key" secret={{ kind: 'api-key' }} state={secrets.apiKey.set ? 'set' : null} />
          {PRODUCTS.flatMap((product) =>
            (['primary', 'secondary'] as const).map((slot) => {
              const key = secrets.subscriptionKeys[product]?.[slot];
              return (
                <SecretRow
                  key={`${product}-${slot}`}
                  label={`${product} subscription key (${slot})`}
                  secret={{ kind: 'subscription-key', product, slot }}
                  state={key?.set ? (key.last4 ? `set, ends in ${key.last4}` : 'set') : null}
                />
              );
            }),
          )}
        </tbody>
      </table>
    </section>
  );
}

function SecretRow({ label, secret, state }: { label: string; secret: SecretRef; state: string | null }) {
  const [value, setValue] = useState('');
  const busy = useAdmin((s) => s.busy);
  const admin = useStores().admin.getState;
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{state ? <span className="secret-state secret-state--set">{state}</span> : <span className="secret-state">not set</span>}</td>
      <td>
        <form
          className="secret-form"
          onSubmit={(event) => {
            event.preventDefault();
            const typed = value;
            setValue('');
            void admin().setSecret(secret, typed);
          }}
        >
          <input type="password" aria-label={`New ${label}`} value={value} onChange={(event) => setValue(event.target.value)} autoComplete="new-password" spellCheck={false} />
          <button type="submit" className="button button--secondary" disabled={value.trim() === '' || busy !== null}>
            Save
          </button>
          {state && (
            <button type="button" className="button button--link" onClick={() => void admin().clearSecret(secret)} disabled={busy !== null}>
              Clear
            </button>
          )}
        </form>
      </td>
    </tr>
  );
}
