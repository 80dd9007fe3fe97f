import { ENUM_VALUES } from '../enum-values.js';
import type {
  LinkKindResolvers,
  LoadStateResolvers,
  MethodRoleResolvers,
  NodeKindResolvers,
  PaperFieldResolvers,
  PaperOrderResolvers,
  ResultKindResolvers,
  ResultSettingResolvers,
} from '../generated/resolvers-types.js';

/** The enums' internal values (`enum-values.ts`), checked against the generated resolver types. */
export const enumResolvers = {
  NodeKind: ENUM_VALUES.NodeKind satisfies NodeKindResolvers,
  ResultSetting: ENUM_VALUES.ResultSetting satisfies ResultSettingResolvers,
  ResultKind: ENUM_VALUES.ResultKind satisfies ResultKindResolvers,
  LinkKind: ENUM_VALUES.LinkKind satisfies LinkKindResolvers,
  PaperField: ENUM_VALUES.PaperField satisfies PaperFieldResolvers,
  PaperOrder: ENUM_VALUES.PaperOrder satisfies PaperOrderResolvers,
  MethodRole: ENUM_VALUES.MethodRole satisfies MethodRoleResolvers,
  LoadState: ENUM_VALUES.LoadState satisfies LoadStateResolvers,
};
