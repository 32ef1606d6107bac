import { readBoundedText, ResponseTooLarge } from '../common/bounded-response';
import { InferenceBackendError, InferenceErrorCode } from '../inference/inference.errors';

/** A file or job object is a few hundred bytes; an answer past this is not one, and is not read into memory. */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

export interface UpstreamJob {
  id: string;
  status: string;
  fine_tuned_model: string | null;
  trained_tokens: number | null;
  error: { code?: string; message?: string; param?: string | null } | null;
}

/**
 * The upstream's OpenAI-compatible files and fine-tuning API, at the operator's configured address: the
 * screened file goes up, the job is created there and polled, and its status is mirrored on Warden's job.
 */
export class UpstreamFineTuningClient {
  constructor(private readonly settings: { baseUrl: string; apiKey?: string; timeoutMs: number }) {}

  async uploadFile(content: Buffer, filename: string): Promise<string> {
    const form = new FormData();
    form.append('purpose', 'fine-tune');
    form.append('file', new Blob([content]), filename);
    const file = (await this.send('POST', '/files', form)) as { id?: unknown };
    if (typeof file.id !== 'string') {
      throw this.malformed('/files');
    }
    return file.id;
  }

  async createJob(body: Record<string, unknown>): Promise<UpstreamJob> {
    return this.job(await this.send('POST', '/fine_tuning/jobs', JSON.stringify(body)), '/fine_tuning/jobs');
  }

  async getJob(id: string): Promise<UpstreamJob> {
    const path = `/fine_tuning/jobs/${encodeURIComponent(id)}`;
    return this.job(await this.send('GET', path), path);
  }

  async cancelJob(id: string): Promise<UpstreamJob> {
    const path = `/fine_tuning/jobs/${encodeURIComponent(id)}/cancel`;
    return this.job(await this.send('POST', path, ''), path);
  }

  private job(value: unknown, path: string): UpstreamJob {
    const job = value as Partial<UpstreamJob>;
    if (typeof job?.id !== 'string' || typeof job.status !== 'string') {
      throw this.malformed(path);
    }
    return {
      id: job.id,
      status: job.status,
      fine_tuned_model: job.fine_tuned_model ?? null,
      trained_tokens: job.trained_tokens ?? null,
      error: job.error ?? null,
    };
  }

  private async send(method: string, path: string, body?: FormData | string): Promise<unknown> {
    const headers: Record<string, string> = {};
    if (this.settings.apiKey) {
      headers.authorization = `Bearer ${this.settings.apiKey}`;
    }
    if (typeof body === 'string') {
      headers['content-type'] = 'application/json';
    }
    let response: Response;
    try {
      response = await fetch(`${this.settings.baseUrl}${path}`, {
        method,
        headers,
        body,
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (err) {
      throw new InferenceBackendError(
        InferenceErrorCode.UpstreamUnavailable,
        `The upstream fine-tuning API is unreachable: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    let text: string;
    try {
      text = await readBoundedText(response.body, MAX_ANSWER_BYTES);
    } catch (err) {
      if (err instanceof ResponseTooLarge) throw this.malformed(path);
      throw new InferenceBackendError(
        InferenceErrorCode.UpstreamUnavailable,
        `The upstream fine-tuning API's answer was cut: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    if (!response.ok) {
      throw new InferenceBackendError(
        InferenceErrorCode.UpstreamError,
        `The upstream fine-tuning API answered ${response.status} to ${method} ${path}: ${text.slice(0, 500)}`,
      );
    }
    try {
      return JSON.parse(text);
    } catch {
      throw this.malformed(path);
    }
  }

  private malformed(path: string): Error {
    return new InferenceBackendError(
      InferenceErrorCode.UpstreamError,
      `The upstream fine-tuning API sent a malformed answer to ${path}`,
    );
  }
}
