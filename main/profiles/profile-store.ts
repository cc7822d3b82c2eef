// Profiles on disk: non-secret settings in profiles.json in the data
// directory. A file that cannot be read (bad JSON, a hand edit gone wrong) is
// set aside under a new name, never deleted, and the console starts on the
// defaults with a clear message saying what was wrong and where the file went.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { profileSchema, type Profile } from '../../preload/contract';
import { LOCAL_SANDBOX_ID, LOCAL_SANDBOX_PROFILE } from './local-sandbox-profile';

const fileSchema = z
  .object({
    version: z.literal(1),
    activeProfileId: z.string(),
    profiles: z.array(profileSchema.strict()),
  })
  .strict();
export type ProfileFile = z.output<typeof fileSchema>;

export interface LoadProblem {
  message: string;
  setAsideAs: string | null;
}

export const PROFILE_FILE = 'profiles.json';

export class ProfileStore {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, PROFILE_FILE);
  }

  /** Reads the file; a missing file gives the defaults, an unreadable one is set aside. */
  async load(): Promise<{ state: ProfileFile; problem: LoadProblem | null }> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: defaults(), problem: null };
      throw error;
    }
    const problem = validate(text);
    if (problem === null) return { state: normalise(fileSchema.parse(JSON.parse(text))), problem: null };
    const setAsideAs = `${this.file}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(this.file, setAsideAs);
    return { state: defaults(), problem: { message: `${PROFILE_FILE} could not be read (${problem}). It was set aside as ${path.basename(setAsideAs)}; the console started with the Local sandbox profile only.`, setAsideAs } };
  }

  /** The file as it is now when it is whole and valid; null otherwise (load() deals with that at start). */
  async read(): Promise<ProfileFile | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return null;
    }
    return validate(text) === null ? normalise(fileSchema.parse(JSON.parse(text))) : null;
  }

  /** Writes the whole file atomically: a crash mid-write leaves the old file whole. */
  async save(state: ProfileFile): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temporary, `${JSON.stringify(fileSchema.parse(state), null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, this.file);
  }
}

function defaults(): ProfileFile {
  return { version: 1, activeProfileId: LOCAL_SANDBOX_ID, profiles: [LOCAL_SANDBOX_PROFILE] };
}

/** The Local sandbox profile is always there, and the active id always names a profile. */
function normalise(state: ProfileFile): ProfileFile {
  const profiles = state.profiles.some((p) => p.id === LOCAL_SANDBOX_ID) ? state.profiles : [LOCAL_SANDBOX_PROFILE, ...state.profiles];
  const activeProfileId = profiles.some((p) => p.id === state.activeProfileId) ? state.activeProfileId : LOCAL_SANDBOX_ID;
  return { ...state, profiles, activeProfileId };
}

/** What is wrong with the file, with line and column or the field, or null when nothing is. */
function validate(text: string): string | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    // Never the parser's own words: they quote the file, and a hand edit may have put a key in it.
    const position = /position (\d+)/.exec((error as Error).message);
    if (!position) return 'not valid JSON';
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return `not valid JSON at line ${line}, column ${column}`;
  }
  const parsed = fileSchema.safeParse(raw);
  if (parsed.success) {
    const ids = parsed.data.profiles.map((p) => p.id);
    const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
    return duplicate === undefined ? null : `two profiles share the id "${duplicate}"`;
  }
  const issue = parsed.error.issues[0];
  return `field "${issue?.path.join('.') || '(file)'}": ${issue?.message ?? 'invalid'}`;
}

export type { Profile };
