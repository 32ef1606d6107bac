import { Injectable } from '@nestjs/common';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { ApplicationEntity, ApplicationStatus } from '../applications/application.entity';
import { ApplicationsService } from '../applications/applications.service';
import { WardenError } from '../common/errors';
import { RequestLogProducer } from '../request-logs/request-log.producer';
import { HeldCompletionRow, HeldCompletionsRepository } from './held-completions.repository';
import { ModerationResponse, parseCreateModeration, toModerationResponse } from './moderation.dto';
import { ModerationService } from './moderation.service';
import { Direction } from './moderation.types';
import { PoliciesService } from './policies/policies.service';

interface Caller {
  keyId: string;
  application: ApplicationEntity;
  sandboxKey: boolean;
}

/** `/v1/moderations`: the input-moderation stage on its own, under the calling application's policy. */
@Injectable()
export class ModerationsEndpoint {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly applications: ApplicationsService,
    private readonly policies: PoliciesService,
    private readonly moderation: ModerationService,
    private readonly held: HeldCompletionsRepository,
    private readonly requestLogs: RequestLogProducer,
  ) {}

  async moderate(
    requestId: string,
    authorization: string | undefined,
    body: unknown,
    clientIp: string | null,
  ): Promise<ModerationResponse> {
    const startedAt = performance.now();
    let caller: Caller | undefined;
    let texts: string[] | undefined;
    try {
      caller = await this.caller(authorization);
      texts = parseCreateModeration(body).texts;
      const policy = await this.policies.resolve(caller.application, { sandboxKey: caller.sandboxKey });
      const results = await this.moderation.moderate(texts, Direction.Input, policy);
      const response = toModerationResponse(
        `modr-${requestId.replace(/^req_/, '')}`,
        this.moderation.classifierName,
        results,
      );
      await this.record(
        requestId,
        startedAt,
        clientIp,
        caller,
        texts,
        200,
        undefined,
        results.flatMap((result) => result.verdicts),
      );
      return response;
    } catch (err) {
      await this.record(
        requestId,
        startedAt,
        clientIp,
        caller,
        texts,
        err instanceof WardenError ? err.status : 500,
        err,
        [],
      ).catch(() => undefined);
      throw err;
    }
  }

  async findHeld(authorization: string | undefined, id: string): Promise<HeldCompletionRow | null> {
    const { application } = await this.caller(authorization);
    return this.held.findForApplication(application.id, id);
  }

  private async caller(authorization: string | undefined): Promise<Caller> {
    const found = await this.apiKeys.authenticate(authorization);
    this.applications.assertMayCall(found.application);
    return {
      keyId: found.key.id,
      application: found.application,
      sandboxKey: this.apiKeys.policyStatus(found) === ApplicationStatus.Sandbox,
    };
  }

  private record(
    requestId: string,
    startedAt: number,
    clientIp: string | null,
    caller: Caller | undefined,
    texts: string[] | undefined,
    statusCode: number,
    failure: unknown,
    verdicts: unknown[],
  ): Promise<void> {
    return this.requestLogs.record({
      requestId,
      createdAt: new Date().toISOString(),
      endpoint: '/v1/moderations',
      apiKeyId: caller?.keyId ?? null,
      applicationId: caller?.application.id ?? null,
      organizationId: caller?.application.organizationId ?? null,
      endUser: null,
      model: this.moderation.classifierName,
      prompt: texts ?? null,
      output: null,
      stream: false,
      statusCode,
      errorCode: failure instanceof WardenError ? failure.code : failure ? 'internal_error' : null,
      errorMessage: failure instanceof Error ? failure.message : null,
      finishReasons: null,
      promptTokens: null,
      completionTokens: null,
      latencyMs: performance.now() - startedAt,
      timeToFirstTokenMs: null,
      verdicts,
      clientIp,
    });
  }
}
