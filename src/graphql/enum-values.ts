/**
 * The internal values of the API's enums: the store's own, so that arguments arrive as what the
 * store takes (`zero-shot`, `Paper`) and fields leave as what it returns, with no conversion in
 * resolvers. Read by the enum resolvers and by the codegen config, so both declare one mapping.
 */
export const ENUM_VALUES = {
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
  },
  ResultSetting: { ZERO_SHOT: 'zero-shot', FEW_SHOT: 'few-shot', FINE_TUNED: 'fine-tuned', LINEAR_PROBE: 'linear-probe' },
  ResultKind: { SCORE: 'score', DELTA: 'delta' },
  LinkKind: { PROJECT_PAGE: 'project-page', CODE: 'code', MODEL: 'model', DATASET: 'dataset', PAPER: 'paper', WEBSITE: 'website' },
  PaperField: { TITLE: 'title', ABSTRACT: 'abstract', SOURCE: 'source' },
  PaperOrder: { ID: 'id', TITLE: 'title', PUBLISHED: 'published' },
  // A role is the relationship type that carries it.
  MethodRole: { PROPOSED: 'PROPOSES', USED: 'USES' },
  LoadState: { RUNNING: 'running', COMPLETED: 'completed', INTERRUPTED: 'interrupted', RESUMED: 'resumed', SUPERSEDED: 'superseded' },
} as const;
