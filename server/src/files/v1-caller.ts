import { Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { ApplicationEntity } from '../applications/application.entity';
import { PolicyRules } from '../policies/policy.types';
import { CallTrace } from '../v1/call-trace';
import { CallerResolver } from '../v1/caller';
import { V1Recorder } from '../v1/v1-recorder';
import { v1RequestContext } from '../v1/v1-request';

/** Who calls a /v1 route of the files and fine-tuning domains. */
export interface V1Caller {
  keyId: string;
  application: ApplicationEntity;
  organizationId: string;
  /** A sandbox key (of a sandbox or of a live application). */
  sandboxKey: boolean;
  policy: PolicyRules;
}

export interface V1Request {
  request: FastifyRequest;
  /** Route pattern, as logs group calls (e.g. `/v1/files/{file_id}`). */
  endpoint: string;
  model?: string | null;
}

/**
 * Runs one /v1 call of these domains with the stages every /v1 route shares: the caller is resolved by the one
 * `resolveCaller`, and the call is recorded by the one `V1Recorder`, whether it succeeded or not.
 */
@Injectable()
export class V1Calls {
  constructor(
    private readonly callers: CallerResolver,
    private readonly recorder: V1Recorder,
  ) {}

  async run<T>(call: V1Request, handle: (caller: V1Caller) => Promise<T>): Promise<T> {
    const context = v1RequestContext(call.request);
    const trace = new CallTrace(call.endpoint, context);
    trace.model = call.model ?? null;
    try {
      const caller = await this.callers.resolveCaller(context.authorization);
      trace.caller = caller;
      const result = await handle({
        keyId: caller.key.id,
        application: caller.application,
        organizationId: caller.application.organizationId,
        sandboxKey: caller.sandboxKey,
        policy: caller.policy,
      });
      await this.recorder.record(trace);
      return result;
    } catch (err) {
      await this.recorder.record(trace, err);
      throw err;
    }
  }
}
