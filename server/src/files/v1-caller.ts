import { Injectable } from '@nestjs/common';
import { ApplicationEntity, ApplicationStatus } from '../applications/application.entity';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { ApplicationsService } from '../applications/applications.service';
import { PoliciesService } from '../moderation/policies/policies.service';
import { PolicyRules } from '../moderation/policies/policy.types';
import { WardenError } from '../common/errors';
import { RequestLogProducer } from '../request-logs/request-log.producer';

/** Who calls a /v1 route of the files and fine-tuning domains. */
export interface V1Caller {
  keyId: string;
  application: ApplicationEntity;
  organizationId: string;
  /** A sandbox key (of a sandbox or of a live application). */
  sandboxKey: boolean;
  policy: PolicyRules;
}

/**
 * The one place these domains authenticate a /v1 call (key → application → policy), so it can be replaced by the
 * shared `/v1` caller resolution in one edit.
 */
@Injectable()
export class V1CallerResolver {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly applications: ApplicationsService,
    private readonly policies: PoliciesService,
  ) {}

  async resolve(authorization: string | undefined): Promise<V1Caller> {
    const found = await this.apiKeys.authenticate(authorization);
    this.applications.assertMayCall(found.application);
    const sandboxKey = this.apiKeys.policyStatus(found) === ApplicationStatus.Sandbox;
    return {
      keyId: found.key.id,
      application: found.application,
      organizationId: found.application.organizationId,
      sandboxKey,
      policy: await this.policies.resolve(found.application, { sandboxKey }),
    };
  }
}

export interface V1Request {
  requestId: string;
  /** Route pattern, as logs group calls (e.g. `/v1/files/{file_id}`). */
  endpoint: string;
  authorization: string | undefined;
  clientIp: string | null;
  model?: string | null;
}

/**
 * Runs one /v1 call of these domains: resolves the caller, then logs the call through the request-log producer
 * (as every public API call is), whether it succeeded or not.
 */
@Injectable()
export class V1Calls {
  constructor(
    private readonly callers: V1CallerResolver,
    private readonly requestLogs: RequestLogProducer,
  ) {}

  async run<T>(request: V1Request, handle: (caller: V1Caller) => Promise<T>): Promise<T> {
    const startedAt = performance.now();
    let caller: V1Caller | undefined;
    try {
      caller = await this.callers.resolve(request.authorization);
      const result = await handle(caller);
      await this.record(request, startedAt, caller, 200, undefined);
      return result;
    } catch (err) {
      await this.record(request, startedAt, caller, err instanceof WardenError ? err.status : 500, err).catch(
        () => undefined,
      );
      throw err;
    }
  }

  private record(
    request: V1Request,
    startedAt: number,
    caller: V1Caller | undefined,
    statusCode: number,
    failure: unknown,
  ): Promise<void> {
    return this.requestLogs.record({
      requestId: request.requestId,
      createdAt: new Date().toISOString(),
      endpoint: request.endpoint,
      apiKeyId: caller?.keyId ?? null,
      applicationId: caller?.application.id ?? null,
      organizationId: caller?.organizationId ?? null,
      endUser: null,
      model: request.model ?? null,
      prompt: null,
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
      verdicts: [],
      clientIp: request.clientIp,
    });
  }
}
