/**
 * The size of what one `context.sync()` carries. Excel on the web refuses a request or a
 * response over 5 MB; the add-in keeps each sync under 4,000,000 bytes, measured as the JSON of
 * the values with every non-ASCII character counted as a `\uXXXX` escape (the worst case for
 * Vietnamese text).
 */

export const SYNC_PAYLOAD_LIMIT = 4_000_000;

export function payloadBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let n = json.length;
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 0x7f) n += 5;
  return n;
}
