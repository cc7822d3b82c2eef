// Profiles as the admin sees them: list, create, update, delete, activate. A
// production profile is activated only with its name typed again; the Local
// sandbox profile is always there and cannot be deleted.
import type { z } from 'zod';
import type { Profile, profileSettingsSchema } from '../../preload/contract';
import { AppError } from '../ipc/app-error';
import { parseConnection } from '../momo/momo-connection';
import { MomoConfigError } from '../momo/momo-errors';
import { LOCAL_SANDBOX_ID } from './local-sandbox-profile';
import type { LoadProblem, ProfileFile, ProfileStore } from './profile-store';
import { confirmProduction } from './production-confirmation';

export type ProfileSettings = z.output<typeof profileSettingsSchema>;

export class ProfileService {
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    private readonly store: ProfileStore,
    private state: ProfileFile,
    readonly problem: LoadProblem | null,
  ) {}

  static async open(store: ProfileStore): Promise<ProfileService> {
    const { state, problem } = await store.load();
    return new ProfileService(store, state, problem);
  }

  list(): { activeProfileId: string; profiles: Profile[]; problem: LoadProblem | null } {
    return { activeProfileId: this.state.activeProfileId, profiles: this.state.profiles, problem: this.problem };
  }

  get(id: string): Profile {
    const profile = this.state.profiles.find((p) => p.id === id);
    if (!profile) throw new AppError('PROFILE_NOT_FOUND', `There is no profile "${id}".`);
    return profile;
  }

  /** As typed on the command line: the exact name first, then the id, then the name in any case; never a guess between two. */
  find(idOrName: string): Profile {
    const typed = idOrName.trim();
    const tiers = [(p: Profile) => p.name === typed, (p: Profile) => p.id === typed, (p: Profile) => p.name.toLowerCase() === typed.toLowerCase()];
    for (const matches of tiers) {
      const found = this.state.profiles.filter(matches);
      if (found.length > 1) throw new AppError('PROFILE_NOT_FOUND', `"${idOrName}" names more than one profile (${found.map((p) => `${p.name} [${p.id}]`).join(', ')}); use the exact name or the id.`);
      if (found[0]) return found[0];
    }
    throw new AppError('PROFILE_NOT_FOUND', `There is no profile "${idOrName}". Profiles: ${this.state.profiles.map((p) => p.name).join(', ')}.`);
  }

  /** Picks up changes another process (the command line, another window) saved since. */
  async refresh(): Promise<void> {
    await this.mutate(() => ({ next: null, result: undefined }));
  }

  active(): Profile {
    return this.get(this.state.activeProfileId);
  }

  async create(settings: ProfileSettings): Promise<Profile> {
    if (settings.kind === 'local') throw new AppError('INVALID_PROFILE', 'There is one Local sandbox profile; new profiles are "sandbox" or "production".');
    return this.mutate((state) => {
      const profile = { ...settings, id: freeId(state, settings.name) };
      this.check(state, profile);
      return { next: { ...state, profiles: [...state.profiles, profile] }, result: profile };
    });
  }

  async update(id: string, changes: Partial<Omit<ProfileSettings, 'kind'>>): Promise<Profile> {
    return this.mutate((state) => {
      const current = this.get(id);
      if (current.kind === 'local') throw new AppError('NOT_ALLOWED', 'The Local sandbox profile is set up by the console and cannot be edited.');
      const profile = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as Profile;
      this.check(state, profile);
      return { next: { ...state, profiles: state.profiles.map((p) => (p.id === id ? profile : p)) }, result: profile };
    });
  }

  async delete(id: string): Promise<void> {
    await this.mutate((state) => {
      if (this.get(id).kind === 'local') throw new AppError('NOT_ALLOWED', 'The Local sandbox profile cannot be deleted.');
      const activeProfileId = state.activeProfileId === id ? LOCAL_SANDBOX_ID : state.activeProfileId;
      return { next: { ...state, activeProfileId, profiles: state.profiles.filter((p) => p.id !== id) }, result: undefined };
    });
  }

  async activate(id: string, confirmName?: string): Promise<Profile> {
    return this.mutate((state) => {
      const profile = this.get(id);
      confirmProduction(profile, confirmName, `"${profile.name}" moves real money. Type its name exactly to switch to it.`);
      return { next: { ...state, activeProfileId: id }, result: profile };
    });
  }

  private check(state: ProfileFile, profile: Profile): void {
    const others = state.profiles.filter((p) => p.id !== profile.id);
    if (others.some((p) => p.name.toLowerCase() === profile.name.toLowerCase())) throw new AppError('INVALID_PROFILE', `A profile named "${profile.name}" already exists.`);
    try {
      parseConnection({ profileId: profile.id, baseUrl: profile.baseUrl, targetEnvironment: profile.targetEnvironment, currency: profile.currency });
    } catch (error) {
      if (error instanceof MomoConfigError) throw new AppError('INVALID_PROFILE', error.message.replace(/^profile field/, 'Field'));
      throw error;
    }
    // A sandbox profile pointed at a market would move real money without the production safeguards.
    if (profile.kind === 'sandbox' && profile.targetEnvironment !== 'sandbox') {
      throw new AppError('INVALID_PROFILE', `Field "targetEnvironment": a sandbox profile uses "sandbox"; "${profile.targetEnvironment}" is a market, which needs a production profile.`);
    }
    if (profile.kind === 'production') {
      if (!profile.baseUrl.startsWith('https://')) throw new AppError('INVALID_PROFILE', 'Field "baseUrl": a production profile must use https.');
      if (profile.targetEnvironment.toLowerCase() === 'sandbox') throw new AppError('INVALID_PROFILE', 'Field "targetEnvironment": a production profile names its market (mtnuganda, mtnghana, …), not "sandbox".');
    }
  }

  /**
   * One change at a time, each computed from the file as it is now (the
   * command line may have changed it while the app runs), and on disk before
   * it counts.
   */
  private mutate<T>(change: (state: ProfileFile) => { next: ProfileFile | null; result: T }): Promise<T> {
    const run = this.queue.then(async () => {
      const onDisk = await this.store.read();
      if (onDisk) this.state = onDisk;
      const { next, result } = change(this.state);
      if (next) {
        await this.store.save(next);
        this.state = next;
      }
      return result;
    });
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}

function freeId(state: ProfileFile, name: string): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'profile';
  let id = base;
  for (let n = 2; state.profiles.some((p) => p.id === id); n += 1) id = `${base}-${n}`;
  return id;
}
