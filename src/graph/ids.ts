import { createHash } from 'node:crypto';
import { normalizeName } from './names.js';

/**
 * The id scheme every node shares: `kind:key`, readable and corpus-wide (`paper:…` from a digest
 * of the paper's folded abstract, `method:lora` from an entity's normalised name).
 */

/** A short, stable hex digest of a string: the same input gives the same digest everywhere. */
export function digest(text: string, length = 16): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, length);
}

/** `kind:key` — the readable node-id scheme shared by every label (`paper:…`, `method:…`). */
export function buildId(kind: string, key: string): string {
  return `${kind}:${key}`;
}

/** An id-safe slug of a normalised name: `parameter efficient fine tuning` → `parameter-efficient-fine-tuning`. */
export function slugify(key: string): string {
  return key
    .replace(/\+/g, ' plus ')
    .replace(/@/g, ' at ')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The readable id of an entity: `method:lora`, `dataset:wikitext-103`. */
export function buildEntityId(kind: string, name: string): string {
  return buildId(kind, slugify(normalizeName(name)));
}
