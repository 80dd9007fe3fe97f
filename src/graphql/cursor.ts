import { createHash } from 'node:crypto';
import type { SortKey } from '../store/keyset.js';
import { badInput } from './api-error.js';

/**
 * Opaque keyset cursors: the sort key of an item, bound to the list it came from (the field, its
 * filter and order). A cursor names a position, so a page read after an ingest neither repeats nor
 * skips an item; a cursor of another list is refused rather than silently misread.
 */

/** What a list is: the same scope for every page of one field with one filter and order. */
export function cursorScope(field: string, ...parts: unknown[]): string {
  return createHash('sha256')
    .update(JSON.stringify([field, ...parts]))
    .digest('base64url')
    .slice(0, 12);
}

export function encodeCursor(scope: string, key: SortKey): string {
  return Buffer.from(JSON.stringify({ s: scope, k: key }), 'utf8').toString('base64url');
}

/** The key in a cursor of this scope; a clear BAD_USER_INPUT error for anything else. */
export function decodeCursor(cursor: string | null | undefined, scope: string, argumentName: 'after' | 'before'): SortKey | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const key = isCursor(parsed) ? parsed.k : undefined;
  if (!key) throw badInput(argumentName, `"${argumentName}" is not a cursor this API gave out: ${JSON.stringify(cursor)}.`);
  if (!isCursor(parsed) || parsed.s !== scope) {
    throw badInput(argumentName, `"${argumentName}" is a cursor of another list (another field, filter or order); page with the cursors of this one.`);
  }
  return key;
}

function isCursor(value: unknown): value is { s: string; k: SortKey } {
  if (typeof value !== 'object' || value === null) return false;
  const { s, k } = value as { s?: unknown; k?: unknown };
  return (
    typeof s === 'string' &&
    Array.isArray(k) &&
    k.length > 0 &&
    k.length <= 4 &&
    k.every((x) => typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x)))
  );
}
