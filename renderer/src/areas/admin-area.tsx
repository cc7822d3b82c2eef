import { useEffect, useState } from 'react';
import { AreaPage } from '../components/area-page';
import { useAdmin, useSession, useStores } from '../stores/app-stores';
import { ConnectionPanel, ProvisioningPanel } from './admin/connection-panel';
import { KeychainBanner } from './admin/keychain-banner';
import { ProfileEditor } from './admin/profile-editor';
import { ProfileList } from './admin/profile-list';
import { SecretsPanel } from './admin/secrets-panel';

export function AdminArea() {
  const admin = useStores().admin.getState;
  const localSandbox = useSession((state) => state.localSandbox);
  const problem = useAdmin((s) => s.problem);
  const notice = useAdmin((s) => s.notice);
  const selected = useAdmin((s) => s.profiles.find((p) => p.id === s.selectedId) ?? null);
  const [editing, setEditing] = useState<'create' | 'edit' | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  useEffect(() => {
    void admin().load();
  }, [admin]);
  return (
    <AreaPage title="Admin" summary="Profiles, credentials and sandbox provisioning. Secrets go to the OS keychain and never come back to the screen.">
      <KeychainBanner />
      {problem && (
        <p className="keychain-banner keychain-banner--warn" role="alert">
          {problem.message}
        </p>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ProfileList />
      <div className="form-actions">
        <button type="button" className="button" onClick={() => setEditing('create')}>
          New profile
        </button>
        {selected && selected.kind !== 'local' && (
          <>
            <button type="button" className="button button--secondary" onClick={() => setEditing('edit')}>
              Edit {selected.name}
            </button>
            <button type="button" className="button button--link" onClick={() => setDeleting(selected.id)}>
              Delete {selected.name}
            </button>
          </>
        )}
      </div>
      {selected && deleting === selected.id && (
        <div className="confirm-production" role="dialog" aria-label={`Delete ${selected.name}`}>
          <p>
            Delete <strong>{selected.name}</strong> and the secrets stored for it in the keychain? This cannot be undone.
          </p>
          <div className="form-actions">
            <button type="button" className="button button--danger" onClick={() => void admin().remove(selected.id).then(() => setDeleting(null))}>
              Delete {selected.name}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setDeleting(null)}>
              Keep it
            </button>
          </div>
        </div>
      )}
      {editing && <ProfileEditor key={`${editing}-${selected?.id ?? ''}`} mode={editing} onClose={() => setEditing(null)} />}
      <SecretsPanel />
      <ProvisioningPanel key={`provision-${selected?.id ?? ''}`} />
      <ConnectionPanel />
      <article className="card" aria-label="Local sandbox emulator">
        <h2>Local sandbox emulator</h2>
        <p className="muted">A MoMo sandbox inside the console: MTN's API and test numbers, no MTN account needed.</p>
        {localSandbox === null ? (
          <p className="muted">Loading…</p>
        ) : localSandbox.state === 'running' ? (
          <p>
            <span className="status-dot status-dot--ok" aria-hidden="true" /> Running at <code>{localSandbox.url}</code> ({localSandbox.environment})
          </p>
        ) : localSandbox.state === 'failed' ? (
          <p role="status">
            <span className="status-dot status-dot--bad" aria-hidden="true" /> {localSandbox.message}
          </p>
        ) : (
          <p>
            <span className="status-dot" aria-hidden="true" /> {localSandbox.state === 'starting' ? 'Starting…' : 'Not running'}
          </p>
        )}
      </article>
    </AreaPage>
  );
}
