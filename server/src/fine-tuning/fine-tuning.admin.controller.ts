import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { parseListQuery } from '../common/list-query';
import { setContentRange } from '../common/list-response';
import { parseBody } from '../common/request-body';
import { CurrentStaff, RequirePermission, StaffApi, StaffPrincipal } from '../common/staff-access';
import { Permission } from '../contracts';
import { staffActor } from '../staff/staff-principal';
import { FineTuningReviewService } from './fine-tuning-review.service';
import {
  FINE_TUNED_MODEL_LIST,
  FINE_TUNING_JOB_LIST,
  FineTunedModelResponse,
  FineTuningJobResponse,
  modelDecisionSchema,
  screeningDecisionSchema,
  toFineTunedModelResponse,
  toFineTuningJobResponse,
} from './fine-tuning.dto';

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
  async jobs(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FineTuningJobResponse[]> {
    const query = parseListQuery(raw, FINE_TUNING_JOB_LIST);
    const page = await this.review.listJobs(query);
    setContentRange(reply, FINE_TUNING_JOB_LIST.resource, query, page);
    return page.rows.map((job) => toFineTuningJobResponse(job));
  }

  @Get('fine-tuning-jobs/:id')
  @RequirePermission(Permission.ApplicationsRead)
  async job(@Param('id') id: string): Promise<FineTuningJobResponse> {
    const { job, events } = await this.review.job(id);
    return toFineTuningJobResponse(job, events);
  }

  @Post('fine-tuning-jobs/:id/screening')
  @RequirePermission(Permission.ApplicationsDecide)
  async screening(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<FineTuningJobResponse> {
    const { decision, note } = parseBody(screeningDecisionSchema, body);
    return toFineTuningJobResponse(
      await this.review.decideScreening(staffActor(staff), id, decision, note ?? null),
    );
  }

  @Get('fine-tuned-models')
  @RequirePermission(Permission.ApplicationsRead)
  async models(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FineTunedModelResponse[]> {
    const query = parseListQuery(raw, FINE_TUNED_MODEL_LIST);
    const page = await this.review.listModels(query);
    setContentRange(reply, FINE_TUNED_MODEL_LIST.resource, query, page);
    return page.rows.map((model) => toFineTunedModelResponse(model));
  }

  @Get('fine-tuned-models/:id')
  @RequirePermission(Permission.ApplicationsRead)
  async model(@Param('id') id: string): Promise<FineTunedModelResponse> {
    const review = await this.review.model(id);
    return toFineTunedModelResponse(review.model, review.job);
  }

  @Post('fine-tuned-models/:id/decisions')
  @RequirePermission(Permission.ApplicationsDecide)
  async decide(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<FineTunedModelResponse> {
    const { decision, note } = parseBody(modelDecisionSchema, body);
    const review = await this.review.decideModel(staffActor(staff), id, decision, note ?? null);
    return toFineTunedModelResponse(review.model, review.job);
  }
}
