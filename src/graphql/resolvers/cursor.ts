import { badInput } from '../api-error.js';

/** A cursor as clients see it: the position's text, base64url-encoded so it reads as opaque. */
export function encodeCursor(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

/**
 * The position a cursor stands for, or undefined when none was given. Throws BAD_USER_INPUT,
 * naming `after`, for text that is no cursor (`what` says which list it was given to).
 */
export function decodeCursor(cursor: string | null | undefined, what: string): string | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text || encodeCursor(text) !== cursor.replace(/=+$/, '')) throw badInput('after', `"after" is not a cursor of ${what}: ${JSON.stringify(cursor)}.`);
  return text;
}
