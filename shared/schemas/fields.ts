/**
 * The small layer between zod and our coded errors. A field is a zod type built from a plain
 * "parser" (value → result or `Problem`); blank values (missing, null, empty or spaces-only
 * text) are REQUIRED, take a default, or stay absent. An entity is a zod object of fields plus
 * cross-field rules that run only on fields that parsed. Every issue carries our `ErrorCode`
 * in `params.code` and a Vietnamese message naming the field and the value.
 */
import { z } from 'zod';
import { isBlank, isHalfStep, parseBoolean, parseNumber, parseText, fitsLimit } from '../cells';
import { parseDate } from '../dates';
import { CLIENT_ID_PATTERN, CODE_PATTERN } from '../ids';
import { LIMITS } from '../limits';
import { errorMessage, type MessageDetail } from '../messages';
import type { ErrorCode, FieldError } from '../models';

/** A parser's refusal: the code and what the message should say. */
export class Problem {
  constructor(
    readonly code: ErrorCode,
    readonly detail: MessageDetail = {},
  ) {}
}

/** Turns a non-blank value into a value, or refuses it. */
export type Parser<T> = (value: unknown) => T | Problem;

type Ctx = z.core.$RefinementCtx<unknown>;

/** Adds a coded issue on `field` (path relative to the schema the context belongs to). */
export function addProblem(ctx: Ctx, field: string, problem: Problem, path: PropertyKey[] = []): void {
  ctx.addIssue({
    code: 'custom',
    path,
    message: errorMessage(problem.code, field, problem.detail),
    params: { code: problem.code },
  });
}

function fieldType<T, D>(field: string, parse: Parser<T>, onBlank: (ctx: Ctx) => D): z.ZodType<T | D> {
  return z.unknown().transform((value, ctx): T | D => {
    if (isBlank(value)) return onBlank(ctx);
    const result = parse(value);
    if (result instanceof Problem) {
      addProblem(ctx, field, result);
      return z.NEVER;
    }
    return result;
  });
}

/** A required field: blank is `missingCode` (REQUIRED unless said). */
export function required<T>(field: string, parse: Parser<T>, missingCode: ErrorCode = 'REQUIRED'): z.ZodType<T> {
  return fieldType(field, parse, (ctx) => {
    addProblem(ctx, field, new Problem(missingCode));
    return z.NEVER;
  });
}

/** An optional field: blank leaves it absent. */
export function optional<T>(field: string, parse: Parser<T>): z.ZodType<T | undefined> {
  return fieldType(field, parse, () => undefined);
}

/** A field with a default when blank. */
export function withDefault<T>(field: string, parse: Parser<T>, fallback: T): z.ZodType<T> {
  return fieldType(field, parse, () => fallback);
}

// ---- parsers ---------------------------------------------------------------------------

/** Text, trimmed and NFC, at most `limit` code points. */
export function text(limit: number): Parser<string> {
  return (value) => {
    const t = parseText(value);
    if (t === null) return new Problem('INVALID_FORMAT', { value, expected: 'văn bản' });
    if (!fitsLimit(t, limit)) return new Problem('INVALID_FORMAT', { value, expected: `tối đa ${limit} ký tự` });
    return t;
  };
}

function patterned(pattern: RegExp, expected: string): Parser<string> {
  return (value) => {
    const t = parseText(value);
    return t !== null && pattern.test(t) ? t : new Problem('INVALID_FORMAT', { value, expected });
  };
}

/** `cadreId`, `unitCode` and other codes: `[A-Za-z0-9_-]{1,32}`. */
export const code: Parser<string> = patterned(CODE_PATTERN, 'mã gồm chữ không dấu, số, "_" hoặc "-", tối đa 32 ký tự');

/** Client-made ids of absences and trips: `[A-Za-z0-9_-]{1,64}`. */
export const clientId: Parser<string> = patterned(CLIENT_ID_PATTERN, 'mã gồm chữ không dấu, số, "_" hoặc "-", tối đa 64 ký tự');

/** A date in any accepted form, to `YYYY-MM-DD`. */
export const date: Parser<string> = (value) => parseDate(value) ?? new Problem('INVALID_DATE', { value });

/** The forms a boolean takes, as a message names them. */
export const BOOLEAN_EXPECTED = 'Có/Không, x, 1/0 hoặc TRUE/FALSE';

/** A boolean in any accepted form. */
export const boolean: Parser<boolean> = (value) =>
  parseBoolean(value) ?? new Problem('INVALID_FORMAT', { value, expected: BOOLEAN_EXPECTED });

/** A number in any accepted form. */
export const number: Parser<number> = (value) =>
  parseNumber(value) ?? new Problem('INVALID_FORMAT', { value, expected: 'một số, ví dụ 1,5 hoặc 1.500.000' });

/** A whole number from `min` to `max`. */
export function integer(min: number, max: number): Parser<number> {
  return (value) => {
    const n = parseNumber(value);
    return n !== null && Number.isInteger(n) && n >= min && n <= max
      ? n
      : new Problem('INVALID_FORMAT', { value, expected: `số nguyên từ ${min} đến ${max}` });
  };
}

/** A non-negative multiple of 0.5 (planned days of a quarter, at most LIMITS.quarterDays). */
export const halfDays: Parser<number> = (value) => {
  const n = parseNumber(value);
  return n !== null && n >= 0 && n <= LIMITS.quarterDays && isHalfStep(n)
    ? n
    : new Problem('INVALID_FORMAT', { value, expected: `số ngày không âm, là bội của 0,5, tối đa ${LIMITS.quarterDays}` });
};

/** One of a set of codes, given by code or label (`resolve` does the matching). */
export function coded<C>(resolve: (value: unknown) => C | null, expected: string): Parser<C> {
  return (value) => resolve(value) ?? new Problem('INVALID_FORMAT', { value, expected });
}

// ---- entities --------------------------------------------------------------------------

/** Cross-field rules: they read the fields that parsed and add problems on `field`. */
export interface CrossCheck<T> {
  /** The value of a field that parsed without a problem, else undefined. */
  valid<K extends keyof T>(field: K): T[K] | undefined;
  /** Adds a problem on a field (ignored when the field already has one). */
  report(field: keyof T & string, problem: Problem): void;
}

type Shape = Record<string, z.ZodType>;
type Output<S extends Shape> = { [K in keyof S]: z.output<S[K]> };

function fillKeys(keys: readonly string[], raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const row = raw as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, row[k] === undefined ? null : row[k]]));
}

function dropAbsent<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * An entity schema: the row's known fields (others ignored; missing ones are blank), then the
 * cross-field rules, then absent optional fields dropped.
 */
export function entity<S extends Shape, R>(
  shape: S,
  rules: (check: CrossCheck<Output<S>>) => void = () => undefined,
  finish: (value: Output<S>) => R = (value) => value as unknown as R,
): z.ZodType<R> {
  const keys = Object.keys(shape);
  const object = z.object(shape).superRefine(
    (value, ctx) => {
      const failed = (field: string): boolean => ctx.issues.some((i) => i.path?.[0] === field);
      const row = value as Output<S>;
      rules({
        valid: (field) => (failed(field as string) ? undefined : row[field]),
        report: (field, problem) => {
          if (!failed(field)) addProblem(ctx as Ctx, field, problem, [field]);
        },
      });
    },
    { when: () => true },
  );
  return z.preprocess((raw) => fillKeys(keys, raw), object).transform((value) =>
    dropAbsent(finish(value as Output<S>) as object) as R,
  );
}

/** The field errors of a failed parse: one per field, the first found. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : 'row';
    if (out.some((e) => e.field === field)) continue;
    const params = (issue as { params?: { code?: ErrorCode } }).params;
    if (params?.code) out.push({ field, code: params.code, message: issue.message });
    else
      out.push({
        field,
        code: 'INVALID_FORMAT',
        message: errorMessage('INVALID_FORMAT', field, {
          value: issue.input,
          expected: field === 'row' ? 'một dòng dữ liệu (đối tượng JSON)' : undefined,
        }),
      });
  }
  return out;
}
