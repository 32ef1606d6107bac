import { Body, Controller, Get, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { parseListQuery } from '../common/list-query';
import { setContentRange } from '../common/list-response';
import { parseBody } from '../common/request-body';
import { ResourceIdPipe } from '../common/resource-id.pipe';
import { CurrentStaff, RequirePermission, StaffApi, StaffPrincipal } from '../common/staff-access';
import { Permission, staffLabelSchema } from '../contracts';
import { LABEL_LIST, LabelResponse, toLabelResponse } from './feedback.dto';
import { InvalidExportError, LabelNotFoundError } from './feedback.errors';
import { FeedbackService, staffLabeler } from './feedback.service';
import { LabelQueuesService } from './label-queues.service';

@StaffApi()
@Controller('admin/labels')
export class LabelsAdminController {
  constructor(
    private readonly feedback: FeedbackService,
    private readonly queues: LabelQueuesService,
  ) {}

  @Get()
  @RequirePermission(Permission.LabelsRead)
  async list(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LabelResponse[]> {
    const query = parseListQuery(raw, LABEL_LIST);
    const page = await this.feedback.listLabels(query);
    setContentRange(reply, LABEL_LIST.resource, query, page);
    return page.rows.map(toLabelResponse);
  }

  /** Labeled calls matching a request-log filter (`filter`, as `/admin/request-logs` takes it), as JSONL. */
  @Get('export')
  @RequirePermission(Permission.LabelQueuesManage)
  export(
    @Query('format') format: string | undefined,
    @Query('filter') filter: string | undefined,
  ): StreamableFile {
    let parsed: unknown = {};
    try {
      parsed = filter ? JSON.parse(filter) : {};
    } catch {
      throw new InvalidExportError('filter is not valid JSON', 'filter');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new InvalidExportError('filter must be a JSON object', 'filter');
    }
    return new StreamableFile(this.queues.exportFilter(parsed as Record<string, unknown>, format), {
      type: 'application/x-ndjson',
      disposition: `attachment; filename="labels-${format}.jsonl"`,
    });
  }

  @Get(':id')
  @RequirePermission(Permission.LabelsRead)
  async show(@Param('id', ResourceIdPipe) id: string): Promise<LabelResponse> {
    const label = await this.feedback.findLabel(id);
    if (!label) throw new LabelNotFoundError(id);
    return toLabelResponse(label);
  }

  /** A staff label on any logged call; `falsePositive: true` refunds the end user's strike points for it, once. */
  @Post()
  @RequirePermission(Permission.LabelsWrite)
  async create(@CurrentStaff() staff: StaffPrincipal, @Body() body: unknown): Promise<LabelResponse> {
    return toLabelResponse(
      await this.feedback.createStaffLabel(staffLabeler(staff), parseBody(staffLabelSchema, body)),
    );
  }
}
