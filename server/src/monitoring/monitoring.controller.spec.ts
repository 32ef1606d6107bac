import Fastify from 'fastify';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { WardenConfig } from '../config/config';
import { HealthService } from './health.service';
import { MetricsService } from './metrics.service';
import { MonitoringController } from './monitoring.controller';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The suites' server (README: TEST_DATABASE_URL; a database path in it is ignored), its maintenance database. */
const DATABASE_URL = Object.assign(
  new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432'),
  {
    pathname: '/postgres',
  },
).toString();

describe('GET /health while the api begins to drain', () => {
  const redis = new Redis(REDIS_URL);
  const dataSource = new DataSource({ type: 'postgres', url: DATABASE_URL });

  beforeAll(() => dataSource.initialize());
  afterAll(async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    redis.disconnect();
  });

  // The api marks an answer `Connection: close` when its request arrives during the drain; a request that arrived
  // just before was answered "draining" on a connection kept alive (seen by the api-shutdown suite under load).
  it('closes the connection of an answer that says draining, though its request arrived before', async () => {
    const health = new HealthService(dataSource, redis);
    const controller = new MonitoringController(health, {} as MetricsService, {} as WardenConfig);
    const app = Fastify();
    app.get('/health', (_request, reply) => controller.getHealth(reply));
    const answer = app.inject({ method: 'GET', url: '/health' });
    // The drain begins while the checks are in flight, after the request arrived.
    setImmediate(() => health.markDraining());
    const response = await answer;
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 'draining' });
    expect(response.headers.connection).toBe('close');
    await app.close();
  });
});
