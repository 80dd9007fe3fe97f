import type { Role } from './entity-set.js';
import { sentenceAt, type FieldText } from './paper-draft.js';

const PROPOSE =
  /\b(?:we|this (?:paper|work|study))\b[^.;]{0,120}?\b(?:propose|introduce|present|develop|design|devise|build|create|construct|curate|collect|release|contribute|establish|formulate|offer|put forward|call|name|dub|term)(?:s|d|ed)?\b/gi;
// Between a proposal verb and a name, these say the name is something the proposal builds on.
const NOT_PROPOSED_GAP =
  /\b(?:built|based|build|builds|on top of|using|uses|with|than|compared|against|versus|vs|such as|e\.g|like|including|extend\w*|leverag\w*|adopt\w*|employ\w*|upon|from|over)\b/i;
const NAMING = /\b(?:called|named|dubbed|termed|coined|namely|denoted(?: as)?|referred to as)\s*[:"“']?\s*$/i;
const OUR = /\bour\s+(?:\w+\s+){0,2}$/i;
// `X is proposed to …`, `X (…) is introduced`: a passive proposal right after the name.
const PASSIVE_PROPOSAL = /^\s*,?\s*(?:\([^)]{0,60}\)\s*,?\s*)?(?:is|are)\s+(?:\w+ly\s+)?(?:proposed|introduced|presented|developed|designed|devised)\b/i;
const APPOSITION_NEW =
  /^\s*[,:(]\s*(?:a|an|the)?\s*(?:novel|new|simple|general|unified|efficient|effective|lightweight|scalable|flexible|principled|first|large[- ]scale|powerful|generic|versatile|plug-and-play|modular|open|comprehensive)\b/i;
// The direct object of a proposal verb: `we propose Hyena`, `we present a new model, ...`.
const DIRECT_OBJECT =
  /\b(?:we|this (?:paper|work|study))\s+(?:\w+ly\s+)?(?:propose|introduce|present|develop|design|devise|build|create|construct|release|contribute|offer|put forward)(?:s|d|ed)?\s*[:"“']?\s*$/i;

/**
 * PROPOSED when the name sits in a proposal: `we propose …`, `called X`, `our X`, `X, a novel …`;
 * undefined when nothing in its sentence says so.
 */
export function proposalRole(f: FieldText, start: number, end: number): Role | undefined {
  const sentence = sentenceAt(f, start);
  const before = f.text.slice(sentence.start, start);
  if (NAMING.test(before) || OUR.test(before)) return 'PROPOSED';
  const proposals = [...before.matchAll(PROPOSE)].filter(
    (m) => !/^build/i.test(m[0].split(/\s+/).at(-1) ?? '') || !/^\s+(?:on|upon)\b/i.test(before.slice(m.index + m[0].length)),
  );
  const last = proposals.at(-1);
  if (last) {
    const gap = before.slice(last.index + last[0].length);
    if (gap.split(/\s+/).filter(Boolean).length <= 12 && !/[.;]/.test(gap) && !NOT_PROPOSED_GAP.test(gap)) return 'PROPOSED';
  }
  if (before.trim() === '' && APPOSITION_NEW.test(f.text.slice(end))) return 'PROPOSED';
  if (PASSIVE_PROPOSAL.test(f.text.slice(end, end + 100))) return 'PROPOSED';
  return undefined;
}

/**
 * True when the name is the very object a proposal verb or a naming phrase introduces (`we propose
 * Hyena`, `dubbed Mamba`): strong enough to make even a name the curated lists know PROPOSED.
 */
export function isDirectProposal(f: FieldText, start: number): boolean {
  const before = f.text.slice(sentenceAt(f, start).start, start);
  return DIRECT_OBJECT.test(before) || NAMING.test(before);
}
