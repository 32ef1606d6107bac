import { ConfigError, loadConfig } from './config';

describe('config: Redis behind Sentinel', () => {
  it('reads the Sentinels, the master name and their password', () => {
    const config = loadConfig({
      REDIS_URL: 'redis://:secret@unused:6379/2',
      REDIS_SENTINELS: 'sentinel-a:26379,10.0.0.7:26380',
      REDIS_SENTINEL_MASTER: 'warden',
      REDIS_SENTINEL_PASSWORD: 'sentinel-secret',
    });
    expect(config.redisSentinels).toEqual({
      hosts: [
        { host: 'sentinel-a', port: 26379 },
        { host: '10.0.0.7', port: 26380 },
      ],
      master: 'warden',
      password: 'sentinel-secret',
    });
  });

  it('uses REDIS_URL alone when no Sentinel is named', () => {
    expect(loadConfig({ REDIS_SENTINELS: '' }).redisSentinels).toBeUndefined();
  });

  it('refuses a Sentinel list that is not host:port pairs, naming the variable', () => {
    expect(() => loadConfig({ REDIS_SENTINELS: 'sentinel-a' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_SENTINELS: 'sentinel-a:26379, sentinel-b:26379' })).toThrow(
      /REDIS_SENTINELS/,
    );
  });
});

describe('config: Redis Cluster', () => {
  it('reads the seed nodes', () => {
    expect(loadConfig({ REDIS_CLUSTER_NODES: 'redis-a:7000,10.0.0.8:7001' }).redisCluster).toEqual({
      nodes: [
        { host: 'redis-a', port: 7000 },
        { host: '10.0.0.8', port: 7001 },
      ],
    });
    expect(loadConfig({}).redisCluster).toBeUndefined();
  });

  it('refuses a node list that is not host:port pairs, and Sentinels named beside a Cluster', () => {
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'redis-a' })).toThrow(/REDIS_CLUSTER_NODES/);
    expect(() =>
      loadConfig({ REDIS_CLUSTER_NODES: 'redis-a:7000', REDIS_SENTINELS: 'sentinel-a:26379' }),
    ).toThrow(/not both/);
  });
});
