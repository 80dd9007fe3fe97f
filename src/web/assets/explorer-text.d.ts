// Types for test code importing explorer-text.js (plain browser JS, no build step).
export interface Span {
  start: number;
  end: number;
  key?: string | null;
  rank?: number;
  [other: string]: unknown;
}
export interface TextRun {
  text: string;
  children?: undefined;
}
export interface MarkNode<S extends Span = Span> {
  span: S;
  start: number;
  end: number;
  piece: number;
  continued: boolean;
  children: Array<TextRun | MarkNode<S>>;
}
export type TreeNode<S extends Span = Span> = TextRun | MarkNode<S>;

export interface EvidenceIn {
  field: 'TITLE' | 'ABSTRACT' | 'SOURCE';
  start: number;
  end: number;
  text: string;
  sentence: string;
}
export interface Mention extends Span {
  field: EvidenceIn['field'];
  kind: string;
  entityId: string;
  name: string;
  role: string | null;
  text: string;
  sentence: string;
  key: string;
  rank: number;
  result?: unknown;
  /** In a sentence's spans: the mention's offsets in its field (start and end are in the sentence). */
  fieldStart?: number;
  fieldEnd?: number;
}
export interface Sentence {
  field: string;
  sentence: string;
  start: number | null;
  spans: Mention[];
}

export declare const MENTION_LISTS: Array<[string, string, string]>;
export declare function markTree<S extends Span>(text: string, spans: readonly S[]): Array<TreeNode<S>>;
export declare function treeText(nodes: ReadonlyArray<TreeNode>): string;
export declare function treeMarks<S extends Span>(nodes: ReadonlyArray<TreeNode<S>>): Array<MarkNode<S>>;
export declare function describeResult(result: unknown): string;
export declare function paperMentions(paper: unknown): { title: Mention[]; abstract: Mention[]; declared: Mention[]; unplaced: Mention[] };
export declare function sentencesOf(texts: Record<string, string>, mentions: readonly Mention[]): Sentence[];
