import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { parseListQuery } from '../common/list-query';
import { setContentRange } from '../common/list-response';
import { parseBody } from '../common/request-body';
import { ResourceIdPipe } from '../common/resource-id.pipe';
import { alertResolutionSchema, Permission } from '../contracts';
import { CurrentStaff, RequirePermission, StaffApi, StaffPrincipal } from '../common/staff-access';
import { staffActor } from '../staff/staff-principal';
import {
  ALERT_LIST,
  AlertResponse,
  AnomalyRuleResponse,
  toAlertResponse,
  toAnomalyRuleResponse,
} from './monitoring.dto';
import { MonitoringError } from './monitoring.errors';
import { AlertsService } from './alerts.service';
import { DashboardService } from './dashboard.service';
import { MONITORING_WINDOWS, type MonitoringSummary, type MonitoringWindow } from '../contracts';

@StaffApi()
@Controller('admin')
export class AdminMonitoringController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly alerts: AlertsService,
  ) {}

  @Get('monitoring/summary')
  @RequirePermission(Permission.MonitoringRead)
  summary(@Query('window') window = '24h'): Promise<MonitoringSummary> {
    if (typeof window !== 'string' || !Object.hasOwn(MONITORING_WINDOWS, window)) {
      throw MonitoringError.invalidWindow(Object.keys(MONITORING_WINDOWS));
    }
    return this.dashboard.summary(window as MonitoringWindow);
  }

  @Get('alerts')
  @RequirePermission(Permission.MonitoringRead)
  async list(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AlertResponse[]> {
    const query = parseListQuery(raw, ALERT_LIST);
    const page = await this.alerts.list(query);
    setContentRange(reply, ALERT_LIST.resource, query, page);
    return page.rows.map(toAlertResponse);
  }

  @Get('alerts/:id')
  @RequirePermission(Permission.MonitoringRead)
  async show(@Param('id', ResourceIdPipe) id: string): Promise<AlertResponse> {
    const [row] = (await this.alerts.list(parseListQuery({ filter: JSON.stringify({ id }) }, ALERT_LIST)))
      .rows;
    if (!row) throw MonitoringError.alertNotFound(id);
    return toAlertResponse(row);
  }

  @Post('alerts/:id/acknowledge')
  @HttpCode(200)
  @RequirePermission(Permission.AlertsManage)
  async acknowledge(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', ResourceIdPipe) id: string,
  ): Promise<AlertResponse> {
    await this.alerts.transition(staffActor(staff), id, 'acknowledged', null);
    return this.show(id);
  }

  @Post('alerts/:id/resolve')
  @HttpCode(200)
  @RequirePermission(Permission.AlertsManage)
  async resolve(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: unknown,
  ): Promise<AlertResponse> {
    await this.alerts.transition(
      staffActor(staff),
      id,
      'resolved',
      parseBody(alertResolutionSchema, body ?? {}).resolution ?? null,
    );
    return this.show(id);
  }

  @Get('anomaly-rules')
  @RequirePermission(Permission.MonitoringRead)
  async rules(@Res({ passthrough: true }) reply: FastifyReply): Promise<AnomalyRuleResponse[]> {
    const rules = await this.alerts.listRules();
    reply.header('Content-Range', `anomaly-rules 0-${Math.max(rules.length - 1, 0)}/${rules.length}`);
    reply.header('Access-Control-Expose-Headers', 'Content-Range');
    return rules.map(toAnomalyRuleResponse);
  }

  @Get('anomaly-rules/:id')
  @RequirePermission(Permission.MonitoringRead)
  async rule(@Param('id') id: string): Promise<AnomalyRuleResponse> {
    return toAnomalyRuleResponse(await this.alerts.getRule(id));
  }

  @Put('anomaly-rules/:id')
  @RequirePermission(Permission.AnomalyRulesWrite)
  async updateRule(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<AnomalyRuleResponse> {
    return toAnomalyRuleResponse(await this.alerts.updateRule(staffActor(staff), id, body));
  }
}
