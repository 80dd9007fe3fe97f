import type { Label, RelationshipType } from '../graph-model.js';

const PREFIX_LABEL: Record<string, Label> = {
  paper: 'Paper',
  method: 'Method',
  dataset: 'Dataset',
  task: 'Task',
  metric: 'Metric',
  concept: 'Concept',
  result: 'Result',
  repository: 'Repository',
  link: 'Link',
};

/** The label of a node from its id's prefix (`method:lora` → Method), so every look-up uses an index. */
export function labelOfId(id: string): Label | undefined {
  return PREFIX_LABEL[id.slice(0, id.indexOf(':'))];
}

/** The distinct labels of some ids, for one statement per label that each uses its index. */
export function labelsOfIds(ids: Iterable<string>): Label[] {
  const labels = new Set<Label>();
  for (const id of ids) {
    const label = labelOfId(id);
    if (label) labels.add(label);
  }
  return [...labels];
}

/** The label at the end of each paper relationship type. */
export const TARGET_LABEL: Partial<Record<RelationshipType, Label>> = {
  PROPOSES: 'Method',
  USES: 'Method',
  EVALUATES_ON: 'Dataset',
  ADDRESSES: 'Task',
  MEASURES: 'Metric',
  MENTIONS: 'Concept',
  HAS_CODE: 'Repository',
  LINKS_TO: 'Link',
};
