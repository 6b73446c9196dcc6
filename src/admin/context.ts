import type { Context } from 'hono';
import type { AppEnv } from '../env';
import type { ActionContext } from '../auth/actor';
import { actorOf, sessionOf } from '../auth/session';

/** The service-layer context of a logged-in admin request. */
export function actionContext(c: Context<AppEnv>): ActionContext {
  return { actor: actorOf(sessionOf(c)), requestId: c.get('requestId'), now: Date.now() };
}
