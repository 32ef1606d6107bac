import path from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('loadConfig: database and log format', () => {
  it('without DATABASE_URL, uses the default server on PGPORT and allows an embedded one there', () => {
    const config = loadConfig({ PGPORT: '6543', WARDEN_EMBEDDED_POSTGRES_DIR: 'tmp/pg' });
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:6543/warden');
    expect(config.embeddedPostgres).toEqual({ directory: path.resolve('tmp/pg'), port: 6543 });
    expect(config.logFormat).toBeUndefined();
  });

  it('with DATABASE_URL (even pointing nowhere), never embeds one', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db.example:5432/w', LOG_FORMAT: 'json' });
    expect(config.databaseUrl).toBe('postgres://u@db.example:5432/w');
    expect(config.embeddedPostgres).toBeUndefined();
    expect(config.logFormat).toBe('json');
  });

  it('rejects an unknown log format and a bad PGPORT', () => {
    expect(() => loadConfig({ LOG_FORMAT: 'xml', PGPORT: 'abc' })).toThrow(ConfigError);
    try {
      loadConfig({ LOG_FORMAT: 'xml', PGPORT: 'abc' });
    } catch (err) {
      expect((err as ConfigError).problems.join('\n')).toMatch(
        /LOG_FORMAT[\s\S]*PGPORT|PGPORT[\s\S]*LOG_FORMAT/,
      );
    }
  });
});
