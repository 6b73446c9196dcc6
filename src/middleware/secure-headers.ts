import type { MiddlewareHandler } from 'hono';
import { secureHeaders as honoSecureHeaders } from 'hono/secure-headers';

/**
 * Secure headers on every response: a CSP with no inline script or style, nosniff, frame-ancestors 'none', a strict
 * referrer policy, and geolocation allowed only for this origin (complaint forms ask for the phone's location).
 */
export function secureHeaders(): MiddlewareHandler {
  return honoSecureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
    xContentTypeOptions: 'nosniff',
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: 'same-origin',
    permissionsPolicy: { geolocation: ['self'], camera: ['self'], microphone: [], payment: [] },
    // A route may tighten a header for its own response (e.g. `Referrer-Policy: no-referrer` on complaint pages that
    // carry a private code); headers a route did not set get the defaults above.
    overwrite: false,
  });
}
