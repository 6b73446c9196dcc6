/** Strips control characters (keeps newlines and tabs), normalises line ends and trims: every text a person types. */
export const clean = (s: string) =>
  s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .trim();
