import type { ResultSetting } from '../../graph/model.js';
import type { LeaderboardFilter, LeaderboardGroup } from '../../store/store.js';
import type { ResolversTypes } from '../generated/resolvers-types.js';
import { entityParent, paperParent, resultParent } from './parents.js';

/**
 * The store's filter from `leaderboard(metric, setting, first)`; the setting arrives as its
 * internal value. A valid `first` lets the store read only the rows shown; an invalid one is
 * refused by the field's own check.
 */
export function leaderboardFilterOf(args: { metric?: string | null; setting?: ResultSetting | null; first?: number | null }): LeaderboardFilter {
  const { first } = args;
  return {
    ...(args.metric ? { metricId: args.metric } : {}),
    ...(args.setting ? { setting: args.setting } : {}),
    ...(typeof first === 'number' && Number.isInteger(first) && first >= 0 && first <= 100 ? { rowsPerGroup: first } : {}),
  };
}

/** A leaderboard group as the API shows it, its rows cut to `first` and ranked from 1. */
export function toLeaderboardGroup(group: LeaderboardGroup, first: number): ResolversTypes['LeaderboardGroup'] {
  return {
    metric: group.metric ? entityParent(group.metric) : null,
    setting: group.setting,
    higherIsBetter: group.higherIsBetter,
    rows: group.rows.slice(0, first).map((e, i) => ({
      rank: i + 1,
      paper: paperParent(e.paper),
      method: e.method ? entityParent(e.method) : null,
      result: resultParent(e.result, { paper: e.paper, metric: e.metric, method: e.method }),
    })),
  };
}
