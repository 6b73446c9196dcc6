import type { Membership } from '../regions/policy';

/** Who is acting, as services see it (no HTTP). Every write is audited with it. */
export type Actor =
  | { kind: 'user'; id: string; name: string; username: string; memberships: Membership[] }
  | { kind: 'partner'; id: string; name: string; scopes: string[] }
  | { kind: 'system'; id: 'system'; name: string }
  | { kind: 'public'; id: null; name: 'warga' };

export interface ActionContext {
  actor: Actor;
  requestId: string | null;
  now: number;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: 'system', name: 'Sistem (terjadwal)' };
export const PUBLIC_ACTOR: Actor = { kind: 'public', id: null, name: 'warga' };

/** A logged-in officer's session (cookie JWT checked against D1 on every request). */
export interface Session {
  userId: string;
  username: string;
  name: string;
  memberships: Membership[];
  mustChangePassword: boolean;
  jti: string;
  exp: number;
  csrfToken: string;
}
