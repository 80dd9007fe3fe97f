import type {
  LinkKindResolvers,
  MethodRoleResolvers,
  NodeKindResolvers,
  PaperFieldResolvers,
  PaperOrderResolvers,
  ResultKindResolvers,
  ResultSettingResolvers,
} from '../generated/resolvers-types.js';

/**
 * The internal values of the API's enums: the store's own, so that arguments arrive as what the
 * store takes (`zero-shot`, `Paper`) and fields leave as what it returns, with no conversion in
 * resolvers. codegen.ts `enumValues` declares the same mapping to the generated types.
 */
export const enumResolvers = {
  NodeKind: {
    PAPER: 'Paper',
    METHOD: 'Method',
    DATASET: 'Dataset',
    TASK: 'Task',
    METRIC: 'Metric',
    CONCEPT: 'Concept',
    REPOSITORY: 'Repository',
    LINK: 'Link',
    RESULT: 'Result',
  } satisfies NodeKindResolvers,
  ResultSetting: { ZERO_SHOT: 'zero-shot', FEW_SHOT: 'few-shot', FINE_TUNED: 'fine-tuned', LINEAR_PROBE: 'linear-probe' } satisfies ResultSettingResolvers,
  ResultKind: { SCORE: 'score', DELTA: 'delta' } satisfies ResultKindResolvers,
  LinkKind: { PROJECT_PAGE: 'project-page', CODE: 'code', MODEL: 'model', DATASET: 'dataset', PAPER: 'paper', WEBSITE: 'website' } satisfies LinkKindResolvers,
  PaperField: { TITLE: 'title', ABSTRACT: 'abstract', SOURCE: 'source' } satisfies PaperFieldResolvers,
  PaperOrder: { ID: 'id', TITLE: 'title', PUBLISHED: 'published' } satisfies PaperOrderResolvers,
  // A role is the relationship type that carries it.
  MethodRole: { PROPOSED: 'PROPOSES', USED: 'USES' } satisfies MethodRoleResolvers,
};
