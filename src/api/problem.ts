import type { Context } from 'hono';
import { z } from 'zod';
import { AppError, type ErrorCode, type FieldError } from '../lib/errors';
import { originOf } from '../lib/origin';

/**
 * RFC 9457 problem details, the only error format of /api. Each error code is a documented problem type
 * (`{origin}/api/docs#problem-{code}`); its title is written in API terms (the HTML pages keep their own titles).
 */
export const PROBLEM_TYPES: Record<ErrorCode, { status: number; title: string; description: string }> = {
  bad_request: {
    status: 400,
    title: 'Permintaan tidak dapat dibaca',
    description: 'Sintaks permintaan salah: JSON rusak, cursor tidak valid, atau header (mis. Idempotency-Key) berformat salah.',
  },
  unauthorized: {
    status: 401,
    title: 'Token tidak ada atau tidak valid',
    description: 'Endpoint mitra tanpa token, atau token kedaluwarsa, rusak, bukan untuk API ini, atau mitra sudah dicabut. Lihat header WWW-Authenticate.',
  },
  forbidden: {
    status: 403,
    title: 'Akses ditolak',
    description: 'Token sah tetapi tidak memiliki scope yang dibutuhkan, atau kode pribadi pelapor tidak cocok.',
  },
  not_found: { status: 404, title: 'Sumber daya tidak ditemukan', description: 'Endpoint, wilayah, nomor pelacakan atau data yang diminta tidak ada.' },
  method_not_allowed: {
    status: 405,
    title: 'Metode HTTP tidak didukung',
    description: 'Alamat ada tetapi tidak menerima metode ini. Header Allow menyebut metode yang diterima.',
  },
  conflict: {
    status: 409,
    title: 'Konflik dengan keadaan data',
    description: 'Idempotency-Key dipakai untuk isi lain, data berubah bersamaan, atau tindakan tidak sah pada status saat ini.',
  },
  payload_too_large: { status: 413, title: 'Body permintaan terlalu besar', description: 'Body melebihi batas endpoint (lihat deskripsi endpoint).' },
  unsupported_media_type: {
    status: 415,
    title: 'Content-Type tidak didukung',
    description: 'Kirim body dengan Content-Type yang tercantum pada endpoint (biasanya application/json).',
  },
  validation: {
    status: 422,
    title: 'Validasi gagal',
    description: 'Satu atau lebih kolom atau parameter tidak memenuhi aturan; `errors[]` menyebut setiap kolom dan pesannya.',
  },
  rate_limited: {
    status: 429,
    title: 'Batas laju terlampaui',
    description: 'Terlalu banyak permintaan dalam satu jendela waktu. Ulangi setelah jumlah detik pada header Retry-After.',
  },
  internal: { status: 500, title: 'Kesalahan server', description: 'Kesalahan tak terduga; sebutkan request_id saat melapor.' },
};

export const problemTypeUri = (origin: string, code: ErrorCode) => `${origin}/api/docs#problem-${code}`;

export const ProblemSchema = z
  .object({
    type: z.string().describe('URI of the documented problem type (see /api/docs#kesalahan)'),
    title: z.string().describe('Short summary of the problem type'),
    status: z.number().int().describe('HTTP status code'),
    detail: z.string().describe('What went wrong in this request, in Bahasa Indonesia'),
    instance: z.string().optional().describe('Path of the request'),
    request_id: z.string().optional().describe('Quote it when reporting a problem'),
    errors: z
      .array(z.object({ field: z.string().describe('Dotted field path, or a parameter/header name'), message: z.string() }))
      .optional()
      .describe('Validation errors, one per field (422)'),
  })
  .meta({
    id: 'Problem',
    description: 'RFC 9457 problem details',
    example: {
      type: 'https://portal.example/api/docs#problem-validation',
      title: PROBLEM_TYPES.validation.title,
      status: 422,
      detail: 'Periksa kembali isian yang ditandai.',
      instance: '/api/v1/complaints',
      request_id: '01J9ZQ3F6W8X',
      errors: [{ field: 'title', message: 'Isi judul laporan (minimal 5 huruf).' }],
    },
  });

export type Problem = z.infer<typeof ProblemSchema>;

export function problemOf(err: AppError, c: Context): Problem {
  return {
    type: problemTypeUri(originOf(c), err.code),
    title: PROBLEM_TYPES[err.code].title,
    status: err.status,
    detail: err.message === err.title ? PROBLEM_TYPES[err.code].title : err.message,
    instance: new URL(c.req.url).pathname,
    request_id: c.get('requestId') as string | undefined,
    ...(err.fieldErrors.length ? { errors: err.fieldErrors satisfies FieldError[] } : {}),
  };
}

export function problemResponse(c: Context, err: AppError): Response {
  const body = JSON.stringify(problemOf(err, c));
  const headers = new Headers({ 'Content-Type': 'application/problem+json; charset=utf-8', 'Cache-Control': 'no-store' });
  for (const [k, v] of Object.entries(err.headers)) headers.set(k, v);
  return new Response(body, { status: err.status, headers });
}
