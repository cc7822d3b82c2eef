import { AreaPage } from '../components/area-page';
import { EmptyState } from '../components/empty-state';
import { useSession } from '../stores/app-stores';

export function AdminArea() {
  const profile = useSession((state) => state.profile);
  const localSandbox = useSession((state) => state.localSandbox);
  return (
    <AreaPage title="Admin" summary="Profiles, credentials and sandbox provisioning. Secrets go to the OS keychain and never come back to the screen.">
      <article className="card" aria-label="Active profile details">
        <h2>Active profile</h2>
        {profile ? (
          <dl className="facts">
            <dt>Name</dt>
            <dd>{profile.name}</dd>
            <dt>Kind</dt>
            <dd>{profile.kind}</dd>
            <dt>Target environment</dt>
            <dd>{profile.environment}</dd>
            <dt>Currency</dt>
            <dd>{profile.currency}</dd>
          </dl>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </article>
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
      <EmptyState title="No other profiles">
        <p>Adding MTN sandbox or production profiles and their credentials is not part of this build yet.</p>
      </EmptyState>
    </AreaPage>
  );
}
