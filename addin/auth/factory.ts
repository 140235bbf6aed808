/** Makes the sign-in session of the pane: the configuration beside it, and the MSAL backend Office supports. */
import type { AuthBackend, AuthKind } from './backend';
import type { AuthConfig } from './config';
import { AuthSession, chooseAuthKind, type IsSetSupported, type StorageLike } from './session';

export type BackendMaker = (kind: AuthKind, config: AuthConfig) => Promise<AuthBackend>;

export async function createSession(config: AuthConfig, isSetSupported: IsSetSupported | undefined, make: BackendMaker, storage: StorageLike | undefined): Promise<AuthSession> {
  const backend = await make(chooseAuthKind(isSetSupported), config);
  return new AuthSession(config, backend, storage);
}
