import { Controller, Delete, Param, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { V1Calls } from '../files/v1-caller';
import { FineTuningService } from './fine-tuning.service';

/** `DELETE /v1/models/{model}`, OpenAI's deleteModel: an organization deletes a model it fine-tuned. */
@ApiTags('openai')
@ApiBearerAuth()
@Controller('v1/models')
export class FineTunedModelsController {
  constructor(
    private readonly jobs: FineTuningService,
    private readonly calls: V1Calls,
  ) {}

  @Delete(':model')
  @ApiOperation({
    summary: "Delete one of your organization's fine-tuned models (withdrawn on every instance)",
  })
  delete(
    @Req() request: FastifyRequest,
    @Param('model') model: string,
  ): Promise<{ id: string; object: 'model'; deleted: true }> {
    return this.calls.run({ request, endpoint: '/v1/models/{model}', model }, async (caller) => {
      await this.jobs.deleteModel(caller, model);
      return { id: model, object: 'model', deleted: true };
    });
  }
}
