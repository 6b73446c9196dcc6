import { SELF } from './worker';

export const ORIGIN = 'https://portal.test';

export function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return SELF.fetch(`${ORIGIN}${path}`, { headers, redirect: 'manual' });
}

/** gzip size of a body, as a 2G phone would download it. */
export async function gzipSize(body: string): Promise<number> {
  const stream = new Blob([body]).stream().pipeThrough(new CompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}
