import { Controller, Get, Headers, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ModelNotFoundError } from '../inference/inference.errors';
import { ModelRegistry } from '../inference/model-registry';
import { CallerResolver, modelCaller } from './caller';
import { ModelListResponse, ModelResponse, toModelListResponse, toModelResponse } from './completions.dto';

@ApiTags('openai')
@ApiBearerAuth()
@Controller('v1/models')
export class ModelsController {
  constructor(
    private readonly callers: CallerResolver,
    private readonly models: ModelRegistry,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List the models this deployment serves' })
  @ApiOkResponse({ description: "OpenAI's ListModelsResponse" })
  async list(@Headers('authorization') authorization: string | undefined): Promise<ModelListResponse> {
    const caller = await this.callers.resolveCaller(authorization);
    return toModelListResponse(this.models.list(modelCaller(caller)));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One model this deployment serves' })
  @ApiOkResponse({ description: "OpenAI's Model" })
  async get(
    @Headers('authorization') authorization: string | undefined,
    @Param('id') id: string,
  ): Promise<ModelResponse> {
    const caller = await this.callers.resolveCaller(authorization);
    const model = this.models.list(modelCaller(caller)).find((candidate) => candidate.id === id);
    if (!model) throw new ModelNotFoundError(id);
    return toModelResponse(model);
  }
}
