/** The per-request variables every route can read from the Hono context. */
import type { Actor } from '../access/actor';
import type { Work } from '../access/work';
import type { Language } from '../i18n';
import type { Repos } from '../repos';

/** Session facts for the signed-in actor. */
export interface SessionInfo {
  id: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Hono environment for Spire's API. */
export interface AppEnv {
  Variables: {
    requestId: string;
    language: Language;
    actor: Actor;
    session: SessionInfo | undefined;
    work: Work;
    repos: Repos;
  };
}
