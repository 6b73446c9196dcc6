// Browser helpers for the e2e suite (plain Node + playwright-core + the system Chromium; never a downloaded browser).
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';

/**
 * Node globals, typed locally: the project's tsconfig loads only the Workers types (no @types/node), and this
 * suite runs in plain Node, where these exist.
 */
type NodeRequire = ((id: string) => unknown) & { resolve(id: string): string };
const nodeProcess = (globalThis as unknown as { process: { env: Record<string, string | undefined>; stderr?: { write(s: string): void } } }).process;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** True when scripts/e2e.mjs started a portal and found Chromium; otherwise the suite is skipped. */
export function e2eEnabled(): boolean {
  return Boolean(nodeProcess.env.E2E_BASE_URL && nodeProcess.env.CHROMIUM_PATH);
}

/** Origin of the portal under test, e.g. http://127.0.0.1:40123 (no trailing slash). */
export function baseUrl(): string {
  const url = nodeProcess.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set — run the suite with `npm run test:e2e`.');
  return url.replace(/\/+$/, '');
}

/** Absolute URL of a portal path. */
export function url(path: string): string {
  return `${baseUrl()}${path}`;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = nodeProcess.env.CHROMIUM_PATH;
  if (!executablePath) throw new Error('CHROMIUM_PATH is not set — run the suite with `npm run test:e2e`.');
  // launch() gives every browser a fresh temporary profile (user data dir) and removes it on close().
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

export type PhoneContext = BrowserContext & {
  /** Every request that tried to leave the machine (host not 127.0.0.1/localhost). */
  externalRequests: string[];
};

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A mid-range Android phone: 360×740 CSS px at 2×, touch, Indonesian locale, WITA time zone.
 * Requests to any other host are recorded in `externalRequests` (the portal must be self-contained; tests assert it is
 * empty). The HTTP cache is off (CDP), so every page load fetches its scripts again.
 */
/** `clientIp`: a client address of the suite's own (CF-Connecting-IP), so its rate limits never meet other suites'. */
export async function phoneContext(
  browser: Browser,
  { javaScriptEnabled = true, clientIp }: { javaScriptEnabled?: boolean; clientIp?: string } = {},
): Promise<PhoneContext> {
  const context = await browser.newContext({
    ...(clientIp ? { extraHTTPHeaders: { 'CF-Connecting-IP': clientIp } } : {}),
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
    javaScriptEnabled,
    // These suites bypass the service worker anyway (routing does); blocking its registration spares every new context
    // the worker's install and precache requests. weak-internet.e2e.test.ts tests the service worker in its own contexts.
    serviceWorkers: 'block',
  });
  steadyNavigation(context, clientIp, { cacheDisabled: true });
  // Generous: on the shared 2-core machine (a benchmark or another suite beside this one) a page load with its
  // uncached scripts can take tens of seconds; a slow step should fail on what it checks, not on the clock.
  context.setDefaultTimeout(45_000);
  // Recorded from the request events, without request interception: every navigation seen stalling for 150 s on the
  // busy CI machine was in a context whose requests Playwright routed. Nothing is blocked: the suite has no network,
  // so such a request fails by itself, and a test that finds one fails on `externalRequests`.
  const externalRequests: string[] = [];
  context.on('request', (request) => {
    const requestUrl = request.url();
    if (requestUrl.startsWith('data:') || requestUrl.startsWith('blob:')) return;
    let host = '';
    try {
      host = new URL(requestUrl).hostname;
    } catch {
      // unparsable URL: treat as external
    }
    if (!LOCAL_HOSTS.has(host)) externalRequests.push(requestUrl);
  });
  return Object.assign(context, { externalRequests });
}

/** Navigation limits: a first attempt, then one more after a stalled load (see steadyNavigation). */
const NAVIGATION_TIMEOUT_MS = 90_000;
const RETRY_NAVIGATION_TIMEOUT_MS = 120_000;

/**
 * page.goto on the context's pages survives one stalled load and says why it stalled. On this busy 2-core machine a
 * page's subresources (a script, the logo) were seen waiting 150 s while the server answered the same URLs from Node
 * in milliseconds; the cause is not found. On a timeout the requests still in flight (with their age) and a server
 * check are written to stderr and the page is loaded once more (a new navigation cancels the stalled loads), as a
 * citizen would reload; a second timeout fails the test with the same explanation.
 */
export function steadyNavigation(context: BrowserContext, clientIp?: string, { cacheDisabled = false } = {}): void {
  context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
  const inFlight = new Map<Request, number>();
  context.on('request', (r) => inFlight.set(r, Date.now()));
  context.on('requestfinished', (r) => inFlight.delete(r));
  context.on('requestfailed', (r) => inFlight.delete(r));
  const explain = async (target: string) => {
    const now = Date.now();
    const pending = [...inFlight].map(([r, t]) => `    ${r.method()} ${r.url()} (${Math.round((now - t) / 1000)} s)`);
    return `Requests still in flight:\n${pending.join('\n') || '    (none)'}\nServer check: ${await serverCheck(target, clientIp)}`;
  };
  const isTimeout = (err: unknown): err is Error => err instanceof Error && err.name === 'TimeoutError';
  const newPage = context.newPage.bind(context);
  context.newPage = async () => {
    const page = await newPage();
    if (cacheDisabled) {
      // Every page load fetches its HTML and scripts again: the suites check pages right after changing them.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    }
    const goto = page.goto.bind(page);
    page.goto = async (target, options) => {
      try {
        return await goto(target, options);
      } catch (err) {
        if (!isTimeout(err)) throw err;
        nodeProcess.stderr?.write(`[e2e] ${target}: load stalled, loading it again.\n${await explain(target)}\n`);
      }
      try {
        return await goto(target, { ...options, timeout: RETRY_NAVIGATION_TIMEOUT_MS });
      } catch (err) {
        if (isTimeout(err)) err.message += `\n(second attempt)\n${await explain(target)}`;
        throw err;
      }
    };
    // A click that navigated, then waited for its page: when the new URL is there but its load stalled, load it again.
    const waitForURL = page.waitForURL.bind(page);
    page.waitForURL = async (target, options) => {
      let current: string;
      try {
        return await waitForURL(target, options);
      } catch (err) {
        current = page.url();
        if (!isTimeout(err) || !urlMatches(target, current)) throw err;
        nodeProcess.stderr?.write(`[e2e] ${current}: load stalled after a navigation, loading it again.\n${await explain(current)}\n`);
      }
      const waitUntil = options?.waitUntil;
      try {
        await goto(current, { timeout: RETRY_NAVIGATION_TIMEOUT_MS, ...(waitUntil ? { waitUntil } : {}) });
      } catch (err) {
        if (isTimeout(err)) err.message += `\n(second attempt)\n${await explain(current)}`;
        throw err;
      }
    };
    return page;
  };
}

/** Whether a page URL is what a waitForURL target asks for (exact string, pattern or predicate; globs never match). */
function urlMatches(target: string | RegExp | ((url: URL) => boolean), current: string): boolean {
  if (typeof target === 'string') return target === current;
  if (target instanceof RegExp) return new RegExp(target.source, target.flags.replace('g', '')).test(current);
  return target(new URL(current));
}

/** Fetches a URL from Node (30 s limit) and describes the answer. */
async function serverCheck(target: string, clientIp: string | undefined): Promise<string> {
  const started = Date.now();
  try {
    const res = await fetch(target, { headers: clientIp ? { 'CF-Connecting-IP': clientIp } : {}, signal: AbortSignal.timeout(30_000) });
    await res.arrayBuffer();
    return `HTTP ${res.status} in ${Date.now() - started} ms`;
  } catch (err) {
    return `no answer after ${Date.now() - started} ms (${err instanceof Error ? err.message : String(err)})`;
  }
}

/** Gzip size (default level, like Node's zlib) of a byte string, via the web CompressionStream. */
export async function gzipSize(bytes: Uint8Array): Promise<number> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

/**
 * Collects every script response of a page (URL, raw and gzip bytes). Call before navigating;
 * `total()` waits for the pending bodies and sums the gzip bytes.
 */
export function collectScripts(page: Page) {
  const pending: Promise<{ url: string; raw: number; gzip: number }>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(
      response
        .body()
        .then(async (body) => ({ url: response.url(), raw: body.byteLength, gzip: await gzipSize(new Uint8Array(body)) }))
        .catch(() => ({ url: response.url(), raw: 0, gzip: 0 })),
    );
  });
  return {
    async scripts() {
      return Promise.all(pending);
    },
    async totalGzip() {
      return (await Promise.all(pending)).reduce((sum, s) => sum + s.gzip, 0);
    },
  };
}

let axeSource: string | undefined;

/** axe-core's minified browser bundle, read from node_modules (never fetched). */
async function loadAxeSource(): Promise<string> {
  if (axeSource) return axeSource;
  // Specifiers through variables keep these Node-only modules out of the Workers-typed program (no @types/node).
  const moduleId = 'node:module';
  const fsId = 'node:fs';
  const { createRequire } = (await import(moduleId)) as { createRequire(from: string): NodeRequire };
  const { readFileSync } = (await import(fsId)) as { readFileSync(path: string, enc: 'utf8'): string };
  const require = createRequire(import.meta.url);
  axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface A11yViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; failureSummary: string }[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1/2.2 A+AA rules) on the current document.
 * The page CSP (`script-src 'self'`) blocks inline <script> tags, so addScriptTag({ content }) cannot be used;
 * page.evaluate() goes through the DevTools protocol, which CSP does not govern, so the source is evaluated there.
 */
export async function runAxe(page: Page): Promise<A11yViolation[]> {
  const source = await loadAxeSource();
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(source);
  return page.evaluate(async (tags) => {
    type AxeNode = { target: unknown[]; html: string; failureSummary?: string };
    type AxeResult = { id: string; impact?: string | null; help: string; helpUrl: string; nodes: AxeNode[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: AxeResult[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))),
        html: n.html,
        failureSummary: n.failureSummary ?? '',
      })),
    }));
  }, AXE_TAGS);
}

/** Human-readable list: one line per rule and element. */
export function formatViolations(violations: A11yViolation[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `- [${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n    element: ${n.target.join(', ')}\n    html: ${n.html}\n    ` +
          n.failureSummary.replace(/\n\s*/g, ' '),
      ),
    )
    .join('\n');
}

/** Fails with a readable list of every axe violation on the page (WCAG 2.2 AA). */
export async function expectNoA11yViolations(page: Page): Promise<void> {
  const violations = await runAxe(page);
  if (violations.length > 0) {
    const count = violations.reduce((n, v) => n + v.nodes.length, 0);
    throw new Error(`axe: ${count} accessibility violation(s) on ${page.url()}:\n${formatViolations(violations)}`);
  }
}
