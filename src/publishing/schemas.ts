import { z } from 'zod';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** The reviewer's optional note when approving any kind of public content. */
export const ReviewNoteForm = z.object({
  note: z.preprocess(emptyToUndefined, z.string().trim().max(1000, 'Catatan maksimal 1.000 karakter.').optional()),
});

/** Returning content to its author needs a reason the author can act on. */
export const RejectForm = z.object({
  note: z
    .string({ message: 'Tuliskan alasan pengembalian agar penulis dapat memperbaikinya.' })
    .trim()
    .min(5, 'Tuliskan alasan pengembalian (minimal 5 karakter) agar penulis dapat memperbaikinya.')
    .max(1000, 'Catatan maksimal 1.000 karakter.'),
});
