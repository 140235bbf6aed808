/**
 * Splits publish rows into requests under the API's limits (PUBLISH_MAX_ROWS and
 * PUBLISH_MAX_BYTES of shared/wire/publish.ts: 5,000 rows, 4 MiB) with a margin, which also
 * keeps each request under Excel on the web's 5 MB payload.
 */

export interface ChunkLimits {
  maxRows: number;
  maxBytes: number;
}

/** Defaults: 2,000 rows and 3.5 MiB per request (room for the envelope and headers). */
export const DEFAULT_LIMITS: ChunkLimits = { maxRows: 2000, maxBytes: Math.floor(3.5 * 1024 * 1024) };

const encoder = new TextEncoder();
export const jsonBytes = (value: unknown): number => encoder.encode(JSON.stringify(value)).length;

/** Rows in order, grouped so that each `{"rows":[…]}` body stays within the limits. */
export function chunkRows<T>(rows: readonly T[], limits: ChunkLimits = DEFAULT_LIMITS): T[][] {
  const envelope = jsonBytes({ rows: [] });
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = envelope;
  for (const row of rows) {
    const size = jsonBytes(row) + 1; // the comma
    if (size + envelope > limits.maxBytes) throw new Error('Một dòng dữ liệu quá lớn để gửi (vượt giới hạn 4 MiB).');
    if (current.length && (current.length >= limits.maxRows || bytes + size > limits.maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = envelope;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length) chunks.push(current);
  return chunks;
}
