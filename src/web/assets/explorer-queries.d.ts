// Types for test code importing explorer-queries.js (plain browser JS, no build step).
export declare const PAPERS_PER_ENTITY: number;
export declare const START_PER_KIND: number;
export declare const NEIGHBOURHOOD: string;
export declare const PAPER_EVIDENCE: string;
export declare const SEARCH: string;
export declare const START: string;
export declare function graphiqlQuery(kind: string, id: string): string;
