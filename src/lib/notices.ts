/**
 * The confirmation line a page shows after an action (`?ok={key}`), from the page's own table. Own keys only:
 * `?ok=constructor` or `?ok=__proto__` must not reach Object.prototype.
 */
export function pickNotice(notices: Readonly<Record<string, string>>, key: string | undefined): string | undefined {
  return key && Object.hasOwn(notices, key) ? notices[key] : undefined;
}
