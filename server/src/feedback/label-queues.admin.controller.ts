import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { parseListQuery } from '../common/list-query';
import { setContentRange } from '../common/list-response';
import { parseBody } from '../common/request-body';
import { ResourceIdPipe } from '../common/resource-id.pipe';
import { CurrentStaff, RequirePermission, StaffApi, StaffPrincipal } from '../common/staff-access';
import { createLabelQueueSchema, Permission, queueLabelSchema } from '../contracts';
import {
  LABEL_QUEUE_LIST,
  LabelQueueResponse,
  LabelResponse,
  QueueItemResponse,
  toLabelQueueResponse,
  toLabelResponse,
} from './feedback.dto';
import { staffLabeler } from './feedback.service';
import { LabelQueuesService } from './label-queues.service';

@StaffApi()
@Controller('admin/label-queues')
export class LabelQueuesAdminController {
  constructor(private readonly queues: LabelQueuesService) {}

  @Get()
  @RequirePermission(Permission.LabelQueuesRead)
  async list(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LabelQueueResponse[]> {
    const query = parseListQuery(raw, LABEL_QUEUE_LIST);
    const page = await this.queues.list(query);
    setContentRange(reply, LABEL_QUEUE_LIST.resource, query, page);
    return page.rows.map((row) => toLabelQueueResponse(row));
  }

  @Post()
  @RequirePermission(Permission.LabelQueuesManage)
  async create(@CurrentStaff() staff: StaffPrincipal, @Body() body: unknown): Promise<LabelQueueResponse> {
    return toLabelQueueResponse(
      await this.queues.create(staffLabeler(staff), parseBody(createLabelQueueSchema, body)),
    );
  }

  @Get(':id')
  @RequirePermission(Permission.LabelQueuesRead)
  async show(@Param('id', ResourceIdPipe) id: string): Promise<LabelQueueResponse> {
    const { queue, agreement } = await this.queues.get(id);
    return toLabelQueueResponse(queue, agreement);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequirePermission(Permission.LabelQueuesManage)
  async close(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', ResourceIdPipe) id: string,
  ): Promise<LabelQueueResponse> {
    return toLabelQueueResponse(await this.queues.close(staffLabeler(staff), id));
  }

  /** 200 with the item, or 204 when nothing is left for this labeler. */
  @Get(':id/next')
  @RequirePermission(Permission.LabelQueuesRead)
  async next(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<QueueItemResponse | undefined> {
    const item = await this.queues.next(staff.id, id);
    if (!item) {
      reply.status(204);
      return undefined;
    }
    return item;
  }

  @Post(':id/items/:requestId/labels')
  @RequirePermission(Permission.LabelsWrite)
  async label(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Param('requestId') requestId: string,
    @Body() body: unknown,
  ): Promise<LabelResponse> {
    return toLabelResponse(
      await this.queues.label(staffLabeler(staff), id, requestId, parseBody(queueLabelSchema, body)),
    );
  }

  /** JSONL, streamed: `format=moderation` (classifier training) or `format=fine-tuning` (prompt/completion). */
  @Get(':id/export')
  @RequirePermission(Permission.LabelQueuesManage)
  async export(
    @Param('id', ResourceIdPipe) id: string,
    @Query('format') format: string | undefined,
  ): Promise<StreamableFile> {
    const stream = await this.queues.exportQueue(id, format);
    return new StreamableFile(stream, {
      type: 'application/x-ndjson',
      disposition: `attachment; filename="label-queue-${id}-${format}.jsonl"`,
    });
  }
}
