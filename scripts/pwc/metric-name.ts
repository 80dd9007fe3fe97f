import { buildMergeKey, hasBalancedParentheses, isAbbreviationOf, splitTrailingGroup, tidyName } from './names.js';

/** A metric name cut down to its base, or why the row is left out. */
export type CleanMetricName = { ok: true; base: string; aliases: string[]; qualifiers: string[] } | { ok: false; reason: string };

/** Longest base name kept, in words. */
export const MAX_METRIC_WORDS = 6;

/** Words matched case-insensitively, letters touching neither side; short acronyms matched only in capitals (`KID`, not `Kid`). */
function terms(words: readonly string[], acronyms: readonly string[]): RegExp[] {
  const patterns = [new RegExp(`(?<![a-z])(?:${words.join('|')})(?![a-z])`, 'i')];
  if (acronyms.length > 0) patterns.push(new RegExp(`(?<![A-Za-z])(?:${acronyms.join('|')})(?![a-z])`));
  return patterns;
}

/**
 * Names of metrics where a lower value is better: errors and losses, distances, generative
 * divergences (FID, KID, FVD, LPIPS), perplexity, error rates (WER, CER, EER), regression errors
 * (MAE, RMSE), rank positions (mean/median rank) and costs (latency, time, parameters, FLOPs, memory).
 */
const LOWER = terms(
  [
    'errors?',
    'err',
    'loss',
    'clean-fid',
    'perplexity',
    'ppl',
    'mae',
    'mse',
    'rmse',
    'mape',
    'smape',
    'msle',
    'rmsle',
    'latency',
    'run ?time',
    'inference time',
    'time',
    'duration',
    'delay',
    'jitter',
    'params',
    'parameters',
    'flops',
    'gflops',
    'macs',
    'memory',
    'model size',
    'distance',
    'dist',
    'nll',
    'negll',
    'bits/dim',
    'mpjpe',
    'pa-mpjpe',
    'mpvpe',
    'pa-mpvpe',
    'mpjae',
    'miss rate',
    'false positive rate',
    'false alarm',
    'absrel',
    'abs rel',
    'sq rel',
    'chamfer',
    'hausdorff',
    'lpips',
    'niqe',
    'brisque',
    'divergence',
    'mean rank',
    'median rank',
    'medr',
    'regret',
    'cost',
    'violations?',
    'collisions?',
    'brier',
    'optimality gap',
    'penalty',
    'a-dcf',
    't-dcf',
    'min-?dcf',
    'levenshtein',
    'bits? per (?:character|byte|dim)',
    'negative (?:elbo|cll|log-?likelihood)',
  ],
  [
    'FID',
    'KID',
    'FVD',
    'FAD',
    'WER',
    'CER',
    'PER',
    'TER',
    'EER',
    'DER',
    'HTER',
    'ACER',
    'APCER',
    'BPCER',
    'MAD',
    'MMD',
    'KLD',
    'KL',
    'BPD',
    'BPB',
    'ADE',
    'FDE',
    'FPR',
    'FAR',
    'FRR',
    'EMD',
    'EPE',
    'AEPE',
    'HD95',
    'ASSD',
    'DISTS',
    'MnR',
    'MdR',
    'ECE',
    'ATE',
    'RPE',
    'NME',
    'BPC',
    'Fl-(?:all|fg|bg)',
  ],
);

/**
 * Names of metrics where a higher value is better: accuracy and F-scores, overlap scores (BLEU,
 * ROUGE, METEOR, CIDEr, chrF), precision and recall family (mAP, AP, AR, AUC, Recall@k, Hits@k,
 * MRR, nDCG, Pass@k), segmentation overlap (IoU, Dice, PQ), image and signal fidelity (PSNR, SSIM,
 * PESQ, SDR), correlations, similarity, success, return and reward.
 */
const HIGHER = terms(
  [
    'accuracy',
    '[a-z]?acc',
    'accuarcy',
    'accuray',
    'accurcay',
    'top-?\\d+',
    '[a-z]?f1',
    'f0\\.5',
    'f2',
    'fβ',
    'f-?score',
    'f-?measure',
    'f-beta',
    'e-?measure',
    's-?measure',
    'bleu(?:-?\\d)?',
    'sacrebleu',
    'codebleu',
    'rouge(?:-?(?:\\d|l|lsum|su4))?',
    'meteor',
    'cider(?:-d)?',
    'spice',
    'spider',
    'chrf\\+*',
    'bertscore',
    'bleurt',
    'comet',
    'bartscore',
    'mauve',
    'clipscore',
    'clip ?score',
    'clipsim',
    'auc',
    'auroc',
    'aupr',
    'auprc',
    'aupro',
    'roc',
    'recall',
    'm?rec',
    'precision',
    'prec',
    'sensitivity',
    'specificity',
    '(?:m_)?[a-z]?iou(?:[a-z]+)?',
    'fwiou',
    'intersection over union',
    'm?dice',
    'jaccard',
    'psnr',
    'ms-ssim',
    'ssim',
    'fsim',
    'pesq',
    'stoi',
    'estoi',
    'si-sdri?',
    'sdri?',
    'si-snri?',
    'snr',
    'csig',
    'cbak',
    'covl',
    'hits?',
    'mrr',
    'ndcg',
    'pass',
    'success',
    'returns?',
    'rewards?',
    'g-mean',
    'queries per second',
    'qps',
    'correlation',
    'pearson',
    'spearman',
    'kendall',
    'kappa',
    'agreement',
    'inception score',
    'exact match',
    'nmi',
    'npmi',
    'rand index',
    'purity',
    '[a-z]?r@\\d+',
    'p@\\d+',
    'rank[- ]?\\d+',
    'cmc',
    'mota',
    'idf1',
    'hota',
    'pck',
    'pckh',
    'oks',
    'attachment score',
    'win rate',
    'elo',
    'fps',
    'throughput',
    'corloc',
    'similarity',
    'consistency',
    'coherence',
    'overlap',
    'modularity',
    'smatch',
    'bpref',
    'completion',
    'r squared',
    'r2',
    'd-prime',
    'j&f',
    'mos',
    'dnsmos',
  ],
  [
    'm?AP(?:@?[\\d.:]+|[LMSRlmsr])?',
    'mAP',
    'MAP',
    'AR(?:@?\\d+|[LMS])?',
    'DSC',
    'VIF',
    'PQ',
    'SQ',
    'RQ',
    'ARI',
    'MCC',
    'PCC',
    'SPL',
    'UAS',
    'LAS',
    'BWT',
    'SIR',
    'SAR',
  ],
);

/** Short names that are metrics only as a whole name: `IS` (Inception Score), `EM` (Exact Match), `SR` (success rate). */
const WHOLE_HIGHER = /^(?:IS|EM|SR|CC|R\d+|P\d+|CMC\d+)$/;
const WHOLE_LOWER = /^(?:CD|MR|REL|MS)$/;

/** Words that make a name a measurement although its direction is not fixed (`Score`, `Ratio`, `Index`). */
const NEUTRAL = terms(
  [
    'score',
    'rate',
    'ratio',
    'index',
    'coefficient',
    'measure',
    'metric',
    'diversity',
    'distinct-?\\d*',
    'fidelity',
    'coverage',
    'entropy',
    'likelihood',
    'speed',
    'size',
    'count',
    'fraction',
    'percentage',
    'gain',
    'improvement',
    'quality',
    'correctness',
    'faithfulness',
    'fluency',
    'relevance',
    'novelty',
    'compression',
    'validity',
    'rating',
    'sparsity',
    'variance',
  ],
  [],
);

/**
 * The direction of a metric from its name: false when a lower-is-better pattern matches (checked
 * first, so `Top-1 Error` is lower), true for a higher-is-better one, null otherwise (`Speed` or a
 * bare `Rate` say nothing). `Rank-1` is re-identification accuracy, not a rank position.
 */
export function inferHigherIsBetter(name: string): boolean | null {
  if (/^rank[- ]?\d+/i.test(name)) return true;
  if (LOWER.some((pattern) => pattern.test(name)) || WHOLE_LOWER.test(name)) return false;
  if (HIGHER.some((pattern) => pattern.test(name)) || WHOLE_HIGHER.test(name)) return true;
  return null;
}

/** True when the name reads as a measurement: a known metric pattern or a measurement word. */
export function hasMetricTerm(name: string): boolean {
  return inferHigherIsBetter(name) !== null || NEUTRAL.some((pattern) => pattern.test(name));
}

/** True for a short coined name (`PESQ`, `mAP`, `NIQE`, `3DPCK`): no spaces, three characters or more, two capitals or a capital and a digit. */
export function isCoinedName(name: string): boolean {
  return !/\s/.test(name) && name.length >= 3 && name.length <= 16 && ((name.match(/\p{Lu}/gu) ?? []).length >= 2 || (/\p{Lu}/u.test(name) && /\d/.test(name)));
}

/** Prefixes naming the split a metric was read on (`Test F1`, `val mIoU`, `test/mAP`): not part of the metric. */
const SPLIT_PREFIX = /^(?:test|val|validation|dev|eval)(?:\s+|\/)(?=\S)/i;

/** Trailing words that pick a subset of the data the metric was read on (`AP Hard`, `Accuracy Unseen`). */
const SUBSET_WORDS = new Set([
  'all',
  'base',
  'easy',
  'hard',
  'head',
  'medium',
  'moderate',
  'novel',
  'overall',
  'seen',
  'tail',
  'unseen',
  'val',
  'test',
  'dev',
  'mean',
  'avg',
  'average',
  'micro',
  'macro',
  'weighted',
  'private',
  'public',
]);

/**
 * Cuts one metric name as a leaderboard wrote it down to its base: a trailing `(…)` or `[…]`
 * group (units, scales, settings: `MRR (x 100)`, `nDCG@10 (100 Neg. Samples)`), anything after
 * ` - ` or `,`, a split prefix (`Test`, `val`), a `%` and trailing subset words. A trailing group
 * that abbreviates the base or that the base abbreviates is an alias (`Word Error Rate (WER)`).
 * Qualifiers that are the metric's identity stay: `Top-1`, `@10`, `BLEU-4`, `F1`, `AP50`.
 */
export function cleanMetricName(raw: string): CleanMetricName {
  let name = tidyName(raw)
    .replace(/^[%#]\s*/, '')
    .replace(/\s*[%#]$/, '')
    .trim();
  if (!/\p{L}/u.test(name)) return { ok: false, reason: 'noise' };
  if (/\p{Script=Han}|\p{Script=Thai}|\p{Script=Arabic}|\p{Script=Cyrillic}/u.test(name)) return { ok: false, reason: 'non-Latin script' };
  if (!hasBalancedParentheses(name)) return { ok: false, reason: 'odd punctuation' };
  const aliases: string[] = [];
  const qualifiers: string[] = [];
  const stripGroups = (): void => {
    for (;;) {
      const square = /^(.+?)\s*\[([^\]]*)\]$/.exec(name);
      const group = square ? { base: square[1]!, inner: square[2]! } : splitTrailingGroup(name);
      if (!group) return;
      if (isAbbreviationOf(group.inner, group.base)) aliases.push(group.inner);
      else if (isAbbreviationOf(group.base, group.inner) && group.inner.split(' ').length <= MAX_METRIC_WORDS) aliases.push(group.inner);
      else qualifiers.unshift(group.inner);
      name = group.base.trim();
    }
  };
  stripGroups();
  for (const separator of [' - ', ', ', ' on ', ' of ', ' for ']) {
    const at = name.indexOf(separator);
    // After a preposition only when what precedes is a metric already: `Accuracy of Neuroticism`, not `Degree of Bias`.
    if (at > 0 && (!separator.trim().match(/^[a-z]+$/) || hasMetricTerm(name.slice(0, at)))) {
      qualifiers.push(name.slice(at + separator.length).trim());
      name = name.slice(0, at).trim();
    }
  }
  stripGroups();
  for (let prefix = SPLIT_PREFIX.exec(name); prefix; prefix = SPLIT_PREFIX.exec(name)) {
    qualifiers.unshift(prefix[0].trim());
    name = name.slice(prefix[0].length);
  }
  name = name.replace(/\s*\(?%\)?$/, '').trim();
  // A split or a shot count anywhere (`Avg. Test Rouge2`, `AP75-R-Test`, `0-shot MRR`) is a setting too.
  name = name
    .replace(/-(?:test|val|dev)$/i, '')
    .replace(/(?:^|\s)(?:test|val|validation|dev|\d+[- ]shots?)(?=\s)/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const tokens = name.split(' ');
  while (tokens.length > 1 && SUBSET_WORDS.has(tokens.at(-1)!.toLowerCase().replace(/\.$/, ''))) qualifiers.unshift(tokens.pop()!);
  name = tokens.join(' ');
  // A subset glued on with `_` (`AP_novel`, `AP75_L`): the metric is what comes before.
  const glued = /^([\p{L}\p{N}@.-]+)_([\p{L}\p{N}]+)$/u.exec(name);
  if (glued && hasMetricTerm(glued[1]!)) {
    qualifiers.unshift(glued[2]!);
    name = glued[1]!;
  }
  // `IMDB (Acc)`, `FCN [mIoU]`: the group was the metric and the name its dataset or model.
  const metricAt = hasMetricTerm(name) ? -1 : qualifiers.findIndex((qualifier) => hasMetricTerm(qualifier) && !/[()[\],]/.test(qualifier));
  if (metricAt >= 0) [name, qualifiers[metricAt]] = [qualifiers[metricAt]!, name];
  if (!/\p{L}/u.test(name)) return { ok: false, reason: 'noise' };
  // An abbreviation found in a group stays only if it still fits what is left (`AUC on Abnormality (ABN)` is `AUC`).
  const fitting = aliases.filter((alias) => isAbbreviationOf(alias, name) || isAbbreviationOf(name, alias));
  aliases.splice(0, aliases.length, ...fitting);
  if (!/^[\p{L}\p{N}#][\p{L}\p{N} @.+'/&^≤<>=*°_-]*$/u.test(name) || /[()[\]]/.test(name)) return { ok: false, reason: 'odd punctuation' };
  if (/[+/*=<>≤]/.test(name) && !/^[\p{L}\p{N}@.+-]+$/u.test(name)) return { ok: false, reason: 'formula' };
  if (tokens.length > MAX_METRIC_WORDS) return { ok: false, reason: 'too long' };
  if (/^\p{L}$/u.test(name) || /^\d+[kKmM%]?$/.test(name)) return { ok: false, reason: 'generic word' };
  return { ok: true, base: name, aliases, qualifiers };
}

/**
 * The key under which metric names are one metric: the merge key with common short spellings
 * and the archive's misspellings folded (`Acc` = `Accuracy` = `Accurcay`, `Top-1` = `Top-1 Accuracy`,
 * `F1-score` = `F1`, `Parameters` = `Params`).
 */
export function buildMetricKey(name: string): string {
  let key = buildMergeKey(name.replace(/^(?:number of|num\.?|#)\s*/i, ''));
  key = key.replace(/accu(?:arcy|ray|rcay)/, 'accuracy').replace(/^cidr$/, 'cider');
  key = key
    .replace(/acc$/, 'accuracy')
    .replace(/^(top\d+)$/, '$1accuracy')
    .replace(/^(f1)score$/, '$1');
  key = key
    .replace(/parameters?$/, 'param')
    .replace(/params?$/, 'param')
    .replace(/^(?:m|million)param$/, 'param');
  return key;
}
