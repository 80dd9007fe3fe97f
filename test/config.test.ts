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

  it('allows every browser origin, no credentials and no error details by default', () => {
    const config = readConfig({});
    expect(config).toMatchObject({ corsOrigins: '*', corsCredentials: false, debugErrors: false });
  });

  it('reads a list of CORS origins and the error-detail switch, whatever NODE_ENV says', () => {
    const config = readConfig({
      KG_CORS_ORIGINS: 'http://localhost:5173, https://app.example.org',
      KG_CORS_CREDENTIALS: 'true',
      KG_DEBUG_ERRORS: 'true',
      NODE_ENV: 'production',
    });
    expect(config).toMatchObject({ corsOrigins: ['http://localhost:5173', 'https://app.example.org'], corsCredentials: true, debugErrors: true });
    expect(readConfig({ NODE_ENV: 'development' }).debugErrors).toBe(false);
  });

  it('leaves load shedding to the server defaults unless the environment sets it', () => {
    expect(readConfig({}).admission).toEqual({});
    expect(readConfig({ KG_MAX_CONCURRENT: '8', KG_MAX_QUEUE: '0', KG_MAX_QUEUE_WAIT_MS: '250' }).admission).toEqual({
      maxConcurrent: 8,
      maxQueue: 0,
      maxWaitMs: 250,
    });
  });

  it('reads the adaptive queue and the health port, and leaves them to the server defaults unless set', () => {
    expect(readConfig({ KG_QUEUE_OVERLOAD_MS: '500', KG_QUEUE_OVERLOAD_WAIT_MS: '50' }).admission).toEqual({ overloadAfterMs: 500, overloadWaitMs: 50 });
    expect(readConfig({}).health).toBeUndefined();
    expect(readConfig({ KG_HEALTH_PORT: '4001' }).health).toEqual({ port: 4001 });
    expect(readConfig({ KG_HEALTH_PORT: '4001', KG_HEALTH_STALE_MS: '2000' }).health).toEqual({ port: 4001, staleMs: 2_000 });
  });

  it.each([
    ['KG_HEALTH_PORT', { KG_HEALTH_PORT: '0' }, 'must be a TCP port number from 1 to 65535'],
    ['KG_HEALTH_PORT', { KG_HEALTH_PORT: '70000' }, 'must be a TCP port number from 1 to 65535'],
    ['KG_HEALTH_PORT', { KG_HEALTH_PORT: 'health' }, 'must be a TCP port number from 1 to 65535'],
    ['KG_HEALTH_PORT', { PORT: '4000', KG_HEALTH_PORT: '4000' }, 'must differ from PORT'],
    ['KG_HEALTH_PORT', { KG_HEALTH_PORT: '4000' }, 'must differ from PORT'],
    ['KG_HEALTH_STALE_MS', { KG_HEALTH_STALE_MS: '2000' }, 'set KG_HEALTH_PORT too'],
    ['KG_HEALTH_STALE_MS', { KG_HEALTH_PORT: '4001', KG_HEALTH_STALE_MS: '10' }, 'must be at least 100'],
    ['KG_QUEUE_OVERLOAD_MS', { KG_QUEUE_OVERLOAD_MS: 'soon' }, 'must be a whole number of milliseconds'],
    ['KG_QUEUE_OVERLOAD_WAIT_MS', { KG_QUEUE_OVERLOAD_WAIT_MS: '0' }, 'must be at least 1'],
    ['KG_CORS_ORIGINS', { KG_CORS_ORIGINS: 'localhost:5173' }, 'must be * or a comma-separated list of origins'],
    ['KG_CORS_ORIGINS', { KG_CORS_ORIGINS: 'http://app.example.org/path' }, 'no path'],
    ['KG_CORS_CREDENTIALS', { KG_CORS_CREDENTIALS: 'true' }, 'credentials are never allowed for *'],
    ['KG_DEBUG_ERRORS', { KG_DEBUG_ERRORS: 'maybe' }, 'must be true or false'],
    ['KG_MAX_CONCURRENT', { KG_MAX_CONCURRENT: '0' }, 'must be at least 1'],
    ['KG_MAX_CONCURRENT', { KG_MAX_CONCURRENT: 'many' }, 'must be a whole number of operations from 1 to 10000'],
    ['KG_MAX_QUEUE', { KG_MAX_QUEUE: '-1' }, 'must be at least 0'],
    ['KG_MAX_QUEUE_WAIT_MS', { KG_MAX_QUEUE_WAIT_MS: '2.5' }, 'must be a whole number of milliseconds'],
  ])('refuses a bad %s with the fix', (name, env, rule) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(new RegExp(`${name}=.*${rule.replace(/[*]/g, '\\*')}`));
  });
});
