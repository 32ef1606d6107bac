  private isUpstream(model: string): boolean {
    return !this.config.models.embedded.includes(model) && this.config.upstream?.models[model] !== undefined;
  }

  /**
   * Upstream models are trained by the upstream: the screened files go up, the job is created there once (its id
   * is kept, so a redelivered job resumes polling) and its status is mirrored until it ends.
   */
  private async passThrough(job: JobRow, signal: AbortSignal): Promise<JobStatus> {
    const upstream = this.config.upstream;
    if (!upstream || !this.config.fineTuning.upstream) {
      throw new PermanentJobFailure(
        FineTuningErrorCode.TrainingFailed,
        'Upstream fine-tuning is not enabled on this deployment.',
        'model',
      );
    }
    const client = new UpstreamFineTuningClient(upstream);
    let upstreamId = job.upstreamJobId;
    if (!upstreamId) {
      const trainingFile = await client.uploadFile(await this.files.bytes(job.trainingFile), `${job.trainingFile}.jsonl`);
      const validationFile = job.validationFile
        ? await client.uploadFile(await this.files.bytes(job.validationFile), `${job.validationFile}.jsonl`)
        : null;
      const created = await client.createJob({
        model: upstream.models[job.model],
        training_file: trainingFile,
        validation_file: validationFile,
        hyperparameters: {
          n_epochs: job.nEpochs,
          batch_size: job.batchSize,
          learning_rate_multiplier: job.learningRateMultiplier,
        },
        seed: job.seed,
        suffix: job.suffix,
      });
      upstreamId = created.id;
      await this.repository.setUpstreamJob(job.id, upstreamId);
      await this.repository.addEvent(job.id, `Passed to the upstream fine-tuning API as job ${upstreamId}`);
    }
    let cancelSent = false;
    for (;;) {
      if (signal.aborted) {
        throw signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason));
      }
      if (!cancelSent && (await this.repository.cancelRequested(job.id))) {
        await client.cancelJob(upstreamId);
        cancelSent = true;
      }
      const status = await this.mirror(job, await client.getJob(upstreamId));
      if (status) {
        return status;
      }
      await new Promise((resolve) => setTimeout(resolve, this.config.fineTuning.upstreamPollMs));
    }
  }

  /** Copies the upstream's status onto the job; returns it once the job has ended. */
  private async mirror(job: JobRow, upstream: UpstreamJob): Promise<JobStatus | null> {
    const active = [JobStatus.ValidatingFiles, JobStatus.Queued, JobStatus.Running];
    switch (upstream.status) {
      case JobStatus.Running:
        if (await this.repository.transition(job.id, [JobStatus.Queued], JobStatus.Running)) {
          await this.repository.addEvent(job.id, 'The upstream started training');
        }
        return null;
      case JobStatus.Succeeded:
        await this.repository.transition(job.id, active, JobStatus.Succeeded, {
          fineTunedModel: upstream.fine_tuned_model ?? undefined,
          trainedTokens: upstream.trained_tokens ?? undefined,
        });
        await this.repository.addEvent(job.id, `The upstream job succeeded: ${upstream.fine_tuned_model ?? ''}`);
        return JobStatus.Succeeded;
      case JobStatus.Failed:
        await this.repository.transition(job.id, active, JobStatus.Failed, {
          error: {
            code: upstream.error?.code ?? 'upstream_failed',
            message: upstream.error?.message ?? 'The upstream fine-tuning job failed.',
            param: upstream.error?.param ?? null,
          },
        });
        await this.repository.addEvent(job.id, 'The upstream job failed', { level: 'error' });
        return JobStatus.Failed;
      case JobStatus.Cancelled:
        return this.cancel(job);
      default:
        return null;
    }
  }

