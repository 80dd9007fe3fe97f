import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

describe('readConfig', () => {
  it('runs with no environment at all: embedded store, sample corpus, port 4000', () => {
    const config = readConfig({}, '/srv/kg');
    expect(config).toMatchObject({ port: 4000, dataDir: '/srv/kg/.kg', corpusPaths: ['/srv/kg/data/papers'], logLevel: 'info' });
    expect(config.neo4j).toBeUndefined();
  });

  it('selects Neo4j when NEO4J_URI is set', () => {
    const config = readConfig({ NEO4J_URI: 'bolt://127.0.0.1:7687', NEO4J_PASSWORD: 'secret' }, '/x');
    expect(config.neo4j).toEqual({ uri: 'bolt://127.0.0.1:7687', user: 'neo4j', password: 'secret', database: 'neo4j' });
  });

  it('names every bad variable, its value and the rule', () => {
    let error: unknown;
    try {
      readConfig({ PORT: '70000', NEO4J_URI: 'http://db:7474' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('PORT="70000"');
    expect((error as ConfigError).message).toContain('NEO4J_URI="http://db:7474": must look like bolt://host:7687');
  });
});
