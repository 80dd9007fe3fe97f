import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType, type GraphQLNamedType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/graphql/load-schema.js';

/** Every schema element without a description, as `Type`, `Type.field`, `Type.field(arg)`, `Enum.VALUE`. */
function undocumented(type: GraphQLNamedType): string[] {
  const missing: string[] = [];
  const has = (description: string | null | undefined) => typeof description === 'string' && description.trim().length > 0;
  if (!has(type.description)) missing.push(type.name);
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!has(field.description)) missing.push(`${type.name}.${field.name}`);
      for (const arg of field.args) if (!has(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
    }
  } else if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) if (!has(field.description)) missing.push(`${type.name}.${field.name}`);
  } else if (isEnumType(type)) {
    for (const value of type.getValues()) if (!has(value.description)) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

describe('the schema', () => {
  const schema = buildSchema(loadTypeDefs());
  const types = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__') && !isSpecifiedScalarType(t));

  it('describes every type, field, argument, input field and enum value', () => {
    expect(types.length).toBeGreaterThan(40);
    expect(types.flatMap(undocumented)).toEqual([]);
  });

  it('gives view types no id of their own, so client caches keep each one apart', () => {
    for (const name of ['SearchHit', 'PathNode', 'SharedEntity']) {
      const type = schema.getType(name);
      if (!isObjectType(type)) throw new Error(`${name} is no object type`);
      expect(Object.keys(type.getFields())).toEqual(expect.arrayContaining(['nodeId', 'node']));
      expect(type.getFields()['id']).toBeUndefined();
    }
  });

  it('keeps every root field nullable, so one failing field leaves the others their data', () => {
    for (const root of [schema.getQueryType(), schema.getMutationType()]) {
      for (const field of Object.values(root!.getFields())) expect(String(field.type), `${root!.name}.${field.name}`).not.toMatch(/!$/);
    }
  });

  it('takes first on every field that lists papers, entities or results that can grow with the corpus', () => {
    const lists: string[] = [];
    for (const type of types) {
      // A connection's `nodes` are its page, which the connection field's `first`/`last` bound.
      if (!isObjectType(type) || type.name === 'Query' || type.name === 'Mutation' || type.name.endsWith('Connection')) continue;
      for (const field of Object.values(type.getFields())) {
        const named = String(field.type).replace(/[[\]!]/g, '');
        const growing =
          String(field.type).startsWith('[') &&
          ['Paper', 'Method', 'Dataset', 'Task', 'Metric', 'Concept', 'Repository', 'Result', 'RelatedPaper', 'RelatedConcept'].includes(named);
        if (growing && !field.args.some((a) => a.name === 'first')) lists.push(`${type.name}.${field.name}`);
      }
    }
    // Bounded by one paper, one request or one page, or by a taxonomy's few parents.
    expect(lists.sort()).toEqual(['IngestResult.papers', 'Paper.results', 'Task.broader']);
  });
});
