// The active profile and environment, always on screen. A production profile
// is unmistakable: red, uppercase, and the whole frame gets a red edge.
import { useSession } from '../stores/app-stores';

const KIND_LABELS = { local: 'Local emulator', sandbox: 'MTN sandbox', production: 'PRODUCTION' } as const;

export function ProfileBadge() {
  const profile = useSession((state) => state.profile);
  if (!profile) return <div className="profile-badge profile-badge--loading">No profile loaded</div>;
  return (
    <div className={`profile-badge profile-badge--${profile.kind}`} aria-label="Active profile">
      <span className="profile-badge__kind">{KIND_LABELS[profile.kind]}</span>
      <span className="profile-badge__name">{profile.name}</span>
      <span className="profile-badge__env">
        {profile.environment} · {profile.currency}
      </span>
    </div>
  );
}
