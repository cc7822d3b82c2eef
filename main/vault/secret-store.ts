// Where secrets live, behind one interface: the OS keychain in the product, an
// in-memory store for tests and for sessions where no keychain runs. Nothing
// else in the console touches a secret backend directly.
export interface SecretStoreBackend {
  id: 'os-keychain' | 'memory';
  /** Plain words for the user: "the system keychain (Secret Service)", "memory, for this session only". */
  label: string;
  /** False when secrets are lost when the console quits. */
  persistent: boolean;
}

export interface SecretStore {
  readonly backend: SecretStoreBackend;
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  /** True when there was something to delete. */
  delete(account: string): Promise<boolean>;
  /** The accounts held, never their values. */
  list(): Promise<string[]>;
}

/** The service name every secret is filed under in the OS keychain. */
export const KEYCHAIN_SERVICE = 'MoMo Console';
