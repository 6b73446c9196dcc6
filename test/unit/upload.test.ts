import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/lib/errors';
import { checkUpload, fileField, formatBytes, uploadMaxBytes } from '../../src/lib/upload';
import { PNG_1X1, pdfBytes, pngHeader } from '../helpers/content';

const file = (bytes: Uint8Array, name: string) => new File([bytes as Uint8Array<ArrayBuffer>], name);

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('checkUpload', () => {
  it('accepts by magic bytes and forces the sniffed extension onto a sanitised name', async () => {
    const ok = await checkUpload(file(pdfBytes('a'), '..\\..\\Laporan "akhir".exe'), 'file', { maxBytes: 1e6, kinds: ['pdf'] });
    expect(ok.type.mime).toBe('application/pdf');
    expect(ok.safeName).toBe('Laporan akhir.pdf');
    expect(ok.sha256).toMatch(/^[0-9a-f]{64}$/);
    const img = await checkUpload(file(PNG_1X1, 'foto.jpg'), 'cover', { maxBytes: 1e6, kinds: ['image'] });
    expect([img.type.ext, img.width, img.height]).toEqual(['png', 1, 1]);
  });
  it('refuses with the right status and a field error', async () => {
    const empty = await refusal(checkUpload(file(new Uint8Array(0), 'a.pdf'), 'file', { maxBytes: 10, kinds: ['pdf'] }));
    expect([empty.status, empty.fieldErrors[0]?.field]).toEqual([422, 'file']);
    expect((await refusal(checkUpload(file(pdfBytes('a'), 'a.pdf'), 'file', { maxBytes: 10, kinds: ['pdf'] }))).status).toBe(413);
    expect((await refusal(checkUpload(file(PNG_1X1, 'a.pdf'), 'file', { maxBytes: 1e6, kinds: ['pdf'] }))).status).toBe(415);
    expect((await refusal(checkUpload(file(pdfBytes('a'), 'a.png'), 'cover', { maxBytes: 1e6, kinds: ['image'] }))).status).toBe(415);
    const pixels = await refusal(checkUpload(file(pngHeader(6000, 5000), 'a.png'), 'cover', { maxBytes: 1e6, kinds: ['image'] }));
    expect(pixels.status).toBe(413);
    expect(pixels.message).toContain('6000×5000');
    expect((await refusal(checkUpload(file(pngHeader(0, 0), 'a.png'), 'cover', { maxBytes: 1e6, kinds: ['image'] }))).status).toBe(422);
  });
  it('reads the limit from the environment and formats sizes in Indonesian', () => {
    expect(uploadMaxBytes({ UPLOAD_MAX_BYTES: '1048576' })).toBe(1048576);
    expect(uploadMaxBytes({ UPLOAD_MAX_BYTES: 'banyak' })).toBe(20 * 1024 * 1024);
    expect(uploadMaxBytes({})).toBe(20 * 1024 * 1024);
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatBytes(1536 * 1024)).toBe('1,5 MB');
    expect(formatBytes(2048)).toBe('2 KB');
  });
  it('finds the chosen file of a multipart body, ignoring an empty file input', () => {
    expect(fileField({ cover: 'teks' }, 'cover')).toBeNull();
    expect(fileField({ cover: new File([], '') }, 'cover')).toBeNull();
    expect(fileField({ cover: [new File(['x'], 'a.png')] }, 'cover')?.name).toBe('a.png');
  });
});
