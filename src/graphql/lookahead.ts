import { getArgumentValues, isAbstractType, isObjectType, Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Looks ahead from a field's resolver at what the query asks of the object it returns, so that a
 * store can read the object and the parts asked for in one round trip instead of one per field.
 * Returns each field selected on type `typeName` (through fragments too) with its argument values;
 * a field selected twice keeps its first occurrence's arguments (the other is read on its own).
 * `@skip`/`@include` are not evaluated: reading a part nobody then asks for costs little.
 */
export function selectedFields(info: GraphQLResolveInfo, typeName: string): Map<string, Record<string, unknown>> {
  const type = info.schema.getType(typeName);
  const fields = new Map<string, Record<string, unknown>>();
  if (!isObjectType(type)) return fields;
  const definitions = type.getFields();
  const applies = (condition: string | undefined): boolean => {
    if (condition === undefined || condition === typeName) return true;
    const other = info.schema.getType(condition);
    return other !== undefined && isAbstractType(other) && info.schema.isSubType(other, type);
  };
  const visit = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const definition = definitions[name];
        if (definition && !fields.has(name)) fields.set(name, getArgumentValues(definition, selection, info.variableValues));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value)) visit(selection.selectionSet);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment && applies(fragment.typeCondition.name.value)) visit(fragment.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return fields;
}
