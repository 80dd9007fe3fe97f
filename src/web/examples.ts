/**
 * The example queries the playground opens as tabs. Ids are from the sample corpus
 * (data/papers); ids are stable across runs and machines, so they hold for every fresh load.
 */
export interface ExampleQuery {
  /** Shown in the playground's examples menu. */
  title: string;
  query: string;
  /** JSON text for the variables editor. */
  variables?: string;
}

export const exampleQueries: readonly ExampleQuery[] = [
  {
    title: 'A paper: methods, datasets, results, code',
    query: `# One paper with what it proposes and uses (with the evidence for each link),
# where it is evaluated, what it reports and where its code lives.
# Press the run button (or Ctrl-Enter). Other examples are in the tabs above.
query Paper {
  paper(id: "paper:8de26e660a770d66") {
    id
    title
    published { iso precision }
    arxivId
    methods {
      role
      method { id name }
      evidence { field text sentence }
    }
    datasets { dataset { id name } }
    results {
      dataset { name }
      metric { name higherIsBetter }
      method { name }
      setting
      split
      value
      kind
      raw
    }
    repositories { repository { name url } }
  }
}
`,
  },
  {
    title: 'Papers of a dataset, paged',
    query: `# Papers evaluated on COCO, five at a time. To get the next page, copy
# pageInfo.endCursor into the "after" variable below and run again.
query DatasetPapers($after: String) {
  dataset(by: { id: "dataset:coco" }) {
    name
    paperCount
    papers(first: 5, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id title }
    }
  }
}
`,
    variables: '{\n  "after": null\n}',
  },
  {
    title: 'Leaderboard of a dataset',
    query: `# Scores reported on ImageNet, one leaderboard per metric and evaluation setting
# (zero-shot and fine-tuned numbers are never ranked together), best first by the
# metric's direction, one row per paper and method. Narrow it with
# leaderboard(metric: "metric:…", setting: ZERO_SHOT, first: 5).
query Leaderboard {
  dataset(by: { id: "dataset:imagenet" }) {
    name
    metrics { id name higherIsBetter }
    leaderboard(first: 10) {
      metric { name }
      setting
      higherIsBetter
      rows {
        rank
        paper { id title }
        method { name }
        result { value split raw }
      }
    }
  }
}
`,
  },
  {
    title: 'Search',
    query: `# Full-text search across papers and entities, best first, paged like every list.
# Narrow it with kinds: [PAPER, METHOD, DATASET, TASK, METRIC, CONCEPT, REPOSITORY].
query Search {
  search(query: "LoRA", first: 10) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      nodeId
      kind
      name
      score
    }
  }
}
`,
  },
  {
    title: 'Shared benchmarks of two papers',
    query: `# The datasets both UniFormer and VOLO evaluate on, with each one's results there.
query SharedBenchmarks {
  sharedBenchmarks(paperIds: ["paper:8de26e660a770d66", "paper:720d964c94023fc9"]) {
    dataset { id name }
    results {
      paper { title }
      metric { name }
      value
      raw
    }
  }
}
`,
  },
  {
    title: 'Connection between two concepts',
    query: `# The shortest path from one concept to another through papers and entities.
query Connection {
  connection(from: "concept:reinforcement-learning", to: "concept:computer-vision", maxHops: 4) {
    length
    nodes { nodeId kind name }
    edges { fromId toId type }
  }
}
`,
  },
  {
    title: 'Statistics',
    query: `# How many nodes of each kind and relationships of each type the graph holds.
query Stats {
  stats {
    nodes { name count }
    relationships { name count }
  }
}
`,
  },
];
