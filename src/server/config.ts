/** Runtime settings with their defaults. Tests and benchmarks override them. */

/** Settings for one server. */
export interface AppConfig {
  /** Idle session lifetime; each request slides it. */
  sessionIdleSeconds: number;
  /** A session ends this long after sign-in whatever happens. */
  sessionAbsoluteSeconds: number;
  /** The web app warns this long before the session expires. */
  sessionWarnSeconds: number;
  /** Consecutive failed sign-ins before an account is locked. */
  lockoutThreshold: number;
  lockoutSeconds: number;
  /** Sign-in attempts allowed per client address per window. */
  signInRateLimit: number;
  signInRateWindowSeconds: number;
  /** Mark cookies Secure (behind https). */
  secureCookies: boolean;
  /** Folder with the built web app, served on the same port; undefined = API only. */
  webDir?: string;
}

/** The defaults: 30 min idle, 12 h absolute, 5 failures lock for 15 min. */
export const defaultConfig: AppConfig = {
  sessionIdleSeconds: 30 * 60,
  sessionAbsoluteSeconds: 12 * 60 * 60,
  sessionWarnSeconds: 5 * 60,
  lockoutThreshold: 5,
  lockoutSeconds: 15 * 60,
  signInRateLimit: 30,
  signInRateWindowSeconds: 10 * 60,
  secureCookies: false,
};
