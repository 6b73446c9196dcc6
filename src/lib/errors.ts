/**
 * The closed set of application errors. Services throw these; one onError (src/app.tsx) turns them into an HTML page,
 * an htmx fragment or RFC 9457 problem+json. Unknown errors are logged with the request id and answered generically.
 */
export const ERROR_CODES = {
  bad_request: { status: 400, title: 'Permintaan tidak valid' },
  validation: { status: 422, title: 'Data yang dikirim belum benar' },
  unauthorized: { status: 401, title: 'Perlu masuk terlebih dahulu' },
  forbidden: { status: 403, title: 'Akses ditolak' },
  not_found: { status: 404, title: 'Halaman tidak ditemukan' },
  method_not_allowed: { status: 405, title: 'Metode tidak diizinkan' },
  conflict: { status: 409, title: 'Terjadi konflik data' },
  payload_too_large: { status: 413, title: 'Berkas atau data terlalu besar' },
  unsupported_media_type: { status: 415, title: 'Jenis berkas tidak didukung' },
  rate_limited: { status: 429, title: 'Terlalu banyak permintaan' },
  internal: { status: 500, title: 'Terjadi kesalahan pada server' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError {
  /** Dotted path of the field, e.g. `q` or `contact.phone`. */
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly title: string;
  readonly fieldErrors: FieldError[];
  /** Extra headers to send, e.g. Retry-After. */
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, detail?: string, options: { fieldErrors?: FieldError[]; headers?: Record<string, string> } = {}) {
    super(detail ?? ERROR_CODES[code].title);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.title = ERROR_CODES[code].title;
    this.fieldErrors = options.fieldErrors ?? [];
    this.headers = options.headers ?? {};
  }
}

export const notFound = (detail?: string) => new AppError('not_found', detail);

/**
 * An error as text for the logs, never with the values bound to a SQL statement (they can be personal data: a
 * searched name, a phone number): a failed drizzle query is logged as its SQL and the number of values, then its
 * cause; stack frames are kept, the message lines of a stack are not repeated.
 */
export function errorForLog(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .join('\n');
  const failedQuery = err as Error & { query?: unknown; params?: unknown };
  const head =
    typeof failedQuery.query === 'string' && Array.isArray(failedQuery.params)
      ? `${err.name}: Failed query: ${failedQuery.query} [${failedQuery.params.length} bound values not logged]`
      : `${err.name}: ${err.message.replace(/\nparams: [\s\S]*$/, '\nparams: [not logged]')}`;
  const cause = err.cause === undefined ? '' : `\ncaused by: ${errorForLog(err.cause)}`;
  return `${head}${frames ? `\n${frames}` : ''}${cause}`;
}
