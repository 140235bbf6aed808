/**
 * Entity ↔ record converters. A row's normalised record is kept as JSON in `data` (split in
 * chunks below the 64 KiB property limit), next to `deleted`; an audit entity keeps its
 * changes as gzipped JSON (binary chunks below the limit; a third of the bytes to write), with
 * who and when in plain properties.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { TableEntity } from '@azure/data-tables';
import { auditRowKey, idOfRowKey, rowKey } from './keys';
import type { AuditChange, AuditRow, StoredRow } from './types';

/** Characters per string property (UTF-16: 2 bytes each, under the 64 KiB limit). */
export const CHUNK_CHARS = 30_000;

export type EntityProps = Record<string, unknown>;

export function putJson(target: EntityProps, name: string, value: unknown): void {
  const text = JSON.stringify(value);
  const parts = Math.max(1, Math.ceil(text.length / CHUNK_CHARS));
  target[`${name}Parts`] = parts;
  for (let i = 0; i < parts; i++) {
    target[i === 0 ? name : `${name}_${i}`] = text.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
  }
}

export function getJson(source: EntityProps, name: string): unknown {
  const parts = typeof source[`${name}Parts`] === 'number' ? (source[`${name}Parts`] as number) : 1;
  let text = '';
  for (let i = 0; i < parts; i++) {
    const piece = source[i === 0 ? name : `${name}_${i}`];
    if (typeof piece !== 'string') throw new Error(`entity property ${name} is missing a part`);
    text += piece;
  }
  return JSON.parse(text) as unknown;
}

/** Bytes per binary property (limit 64 KiB). */
export const CHUNK_BYTES = 60_000;

/** `level`: zlib's (1 fastest … 9 smallest; default 6). */
export function putGzipJson(target: EntityProps, name: string, value: unknown, level?: number): void {
  const bytes = gzipSync(Buffer.from(JSON.stringify(value), 'utf8'), level === undefined ? undefined : { level });
  const parts = Math.max(1, Math.ceil(bytes.length / CHUNK_BYTES));
  target[`${name}Parts`] = parts;
  for (let i = 0; i < parts; i++) {
    target[i === 0 ? name : `${name}_${i}`] = new Uint8Array(bytes.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES));
  }
}

export function getGzipJson(source: EntityProps, name: string): unknown {
  const parts = typeof source[`${name}Parts`] === 'number' ? (source[`${name}Parts`] as number) : 1;
  const pieces: Uint8Array[] = [];
  for (let i = 0; i < parts; i++) {
    const piece = source[i === 0 ? name : `${name}_${i}`];
    if (!(piece instanceof Uint8Array)) throw new Error(`entity property ${name} is missing a part`);
    pieces.push(piece);
  }
  return JSON.parse(gunzipSync(Buffer.concat(pieces)).toString('utf8')) as unknown;
}

export function rowEntity(partitionKey: string, id: string, record: unknown, deleted: boolean, seq?: number): TableEntity<EntityProps> {
  const entity: TableEntity<EntityProps> = { partitionKey, rowKey: rowKey(id), deleted };
  if (seq !== undefined) entity.seq = seq;
  putJson(entity, 'data', record);
  return entity;
}

export function entityToStoredRow<T>(entity: EntityProps & { rowKey?: string; etag?: string }): StoredRow<T> {
  return {
    id: idOfRowKey(String(entity.rowKey)),
    record: getJson(entity, 'data') as T,
    version: String(entity.etag),
    deleted: entity.deleted === true,
    ...(typeof entity.seq === 'number' ? { seq: entity.seq } : {}),
    ...(typeof entity.v0 === 'string' ? { formerVersion: entity.v0 } : {}),
  };
}

export function auditEntity(
  partitionKey: string,
  at: Date,
  unique: string,
  who: string,
  changes: readonly AuditChange[],
): TableEntity<EntityProps> {
  const entity: TableEntity<EntityProps> = {
    partitionKey,
    rowKey: auditRowKey(at, unique),
    at: at.toISOString(),
    who,
    count: changes.length,
  };
  putGzipJson(entity, 'changes', changes);
  return entity;
}

export function auditEntityToRows(entity: EntityProps): AuditRow[] {
  const changes = getGzipJson(entity, 'changes') as AuditChange[];
  const at = String(entity.at);
  const who = String(entity.who);
  return changes.map((c) => ({ at, who, kind: c.kind, id: c.id, outcome: c.outcome, old: c.old, new: c.new }));
}
