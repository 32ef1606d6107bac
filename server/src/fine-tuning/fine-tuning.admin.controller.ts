import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { z } from 'zod';
import { parseListQuery } from '../common/list-query';
import { setContentRange } from '../common/list-response';
import { parseBody } from '../common/request-body';
import { CurrentStaff, RequirePermission, StaffApi, StaffPrincipal } from '../common/staff-access';
import { Permission } from '../contracts';
import { staffActor } from '../staff/staff-principal';
import { FineTuningReviewService, ModelReview } from './fine-tuning-review.service';
import { FINE_TUNED_MODEL_LIST, FINE_TUNING_JOB_LIST } from './fine-tuning.dto';
import { EventRow, FineTunedModelRow, JobRow } from './fine-tuning.types';

const decisionSchema = z.object({
  decision: z.enum(['approve', 'reject', 'retire']),
  note: z.string().max(2000).nullable().optional(),
});
const screeningSchema = z.object({
  decision: z.enum(['approve', 'reject']),
  note: z.string().max(2000).nullable().optional(),
});

/** A job as staff see it: the OpenAI fields plus screening, loss curve and events. */
function toAdminJob(job: JobRow, events: EventRow[] = []) {
  return { ...job, events };
}

function toAdminModel(model: FineTunedModelRow, review?: ModelReview) {
  return { ...model, job: review?.job ?? undefined };
}

/**
 * Staff review of fine-tuning in react-admin's simple-REST shape: jobs (with flagged files to decide on) and
 * fine-tuned models (approve for production, reject, or retire at once on every instance).
 */
@StaffApi()
@Controller('admin')
export class AdminFineTuningController {
  constructor(private readonly review: FineTuningReviewService) {}

  @Get('fine-tuning-jobs')
  @RequirePermission(Permission.ApplicationsRead)
  async jobs(@Query() raw: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const query = parseListQuery(raw, FINE_TUNING_JOB_LIST);
    const page = await this.review.listJobs(query);
    setContentRange(reply, FINE_TUNING_JOB_LIST.resource, query, page);
    return page.rows.map((job) => toAdminJob(job));
  }

  @Get('fine-tuning-jobs/:id')
  @RequirePermission(Permission.ApplicationsRead)
  async job(@Param('id') id: string) {
    const { job, events } = await this.review.job(id);
    return toAdminJob(job, events);
  }

  @Post('fine-tuning-jobs/:id/screening')
  @RequirePermission(Permission.ApplicationsDecide)
  async screening(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string, @Body() body: unknown) {
    const { decision, note } = parseBody(screeningSchema, body);
    return toAdminJob(await this.review.decideScreening(staffActor(staff), id, decision, note ?? null));
  }

  @Get('fine-tuned-models')
  @RequirePermission(Permission.ApplicationsRead)
  async models(@Query() raw: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const query = parseListQuery(raw, FINE_TUNED_MODEL_LIST);
    const page = await this.review.listModels(query);
    setContentRange(reply, FINE_TUNED_MODEL_LIST.resource, query, page);
    return page.rows.map((model) => toAdminModel(model));
  }

  @Get('fine-tuned-models/:id')
  @RequirePermission(Permission.ApplicationsRead)
  async model(@Param('id') id: string) {
    const review = await this.review.model(id);
    return toAdminModel(review.model, review);
  }

  @Post('fine-tuned-models/:id/decisions')
  @RequirePermission(Permission.ApplicationsDecide)
  async decide(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string, @Body() body: unknown) {
    const { decision, note } = parseBody(decisionSchema, body);
    const review = await this.review.decideModel(staffActor(staff), id, decision, note ?? null);
    return toAdminModel(review.model, review);
  }
}
