// Every profile as a card: its kind (production stands out), whether it is
// active, and the switch to it. Switching to production asks for the name.
import { useState } from 'react';
import type { Profile } from '../../../../preload/contract';
import { useAdmin, useStores } from '../../stores/app-stores';

const KIND_LABELS = { local: 'Local emulator', sandbox: 'MTN sandbox', production: 'PRODUCTION' } as const;

export function ProfileList() {
  const profiles = useAdmin((s) => s.profiles);
  const activeProfileId = useAdmin((s) => s.activeProfileId);
  const selectedId = useAdmin((s) => s.selectedId);
  const admin = useStores().admin.getState;
  const [confirming, setConfirming] = useState<Profile | null>(null);
  return (
    <section className="card" aria-label="Profiles">
      <h2>Profiles</h2>
      <ul className="profile-list">
        {profiles.map((profile) => (
          <li key={profile.id} className={`profile-card profile-card--${profile.kind}${profile.id === selectedId ? ' profile-card--selected' : ''}`}>
            <button type="button" className="profile-card__select" onClick={() => void admin().select(profile.id)} aria-pressed={profile.id === selectedId}>
              <span className={`kind-chip kind-chip--${profile.kind}`}>{KIND_LABELS[profile.kind]}</span>
              <span className="profile-card__name">{profile.name}</span>
              <span className="muted">
                {profile.targetEnvironment} · {profile.currency}
              </span>
            </button>
            {profile.id === activeProfileId ? (
              <span className="profile-card__active">Active</span>
            ) : (
              <button type="button" className="button button--secondary" onClick={() => (profile.kind === 'production' ? setConfirming(profile) : void admin().activate(profile.id))}>
                Switch to {profile.name}
              </button>
            )}
          </li>
        ))}
      </ul>
      {confirming && <ConfirmProduction profile={confirming} onDone={() => setConfirming(null)} />}
    </section>
  );
}

function ConfirmProduction({ profile, onDone }: { profile: Profile; onDone: () => void }) {
  const [typed, setTyped] = useState('');
  const admin = useStores().admin.getState;
  return (
    <form
      className="confirm-production"
      role="dialog"
      aria-label={`Switch to production profile ${profile.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        void admin()
          .activate(profile.id, typed)
          .then((ok) => ok && onDone());
      }}
    >
      <p>
        <strong>{profile.name}</strong> is a production profile: payouts made in it move real money. Type its name to switch to it.
      </p>
      <label>
        Profile name
        <input value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" />
      </label>
      <div className="form-actions">
        <button type="submit" className="button button--danger" disabled={typed !== profile.name}>
          Switch to production
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
