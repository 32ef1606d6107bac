import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { ApiExcludeEndpoint, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { HealthService } from './health.service';
import { MonitoringError } from './monitoring.errors';
import { MetricsService } from './metrics.service';

@ApiTags('operations')
@Controller()
export class MonitoringController {
  constructor(
    private readonly health: HealthService,
    private readonly metrics: MetricsService,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  @Get('health')
  @ApiOkResponse({
    description: 'Postgres and Redis both answer; 503 otherwise, or while the api drains to stop',
  })
  async getHealth(@Res() reply: FastifyReply): Promise<void> {
    const report = await this.health.report();
    // The api marks answers that arrive while it drains; one that arrived just before the drain began is closed here,
    // so no keep-alive connection outlives an answer that says "draining".
    if (report.status === 'draining') reply.header('connection', 'close');
    await reply.status(report.status === 'ok' ? 200 : 503).send(report);
  }

  /** Open unless the operator set WARDEN_METRICS_TOKEN; then only a scraper presenting it gets the numbers. */
  @Get('metrics')
  @ApiExcludeEndpoint()
  getMetrics(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    if (this.config.metricsToken && !bearerMatches(authorization, this.config.metricsToken)) {
      throw MonitoringError.metricsTokenRequired();
    }
    // Set only on success: a refusal is the usual JSON error body.
    reply.header('content-type', 'text/plain; version=0.0.4');
    return this.metrics.registry.metrics();
  }
}

function bearerMatches(authorization: string | undefined, token: string): boolean {
  const presented = Buffer.from(/^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}
