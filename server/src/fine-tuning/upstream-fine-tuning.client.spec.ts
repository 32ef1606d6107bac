import { FloodingServer } from '../../../test/support/flooding-server';
import { InferenceErrorCode } from '../inference/inference.errors';
import { UpstreamFineTuningClient } from './upstream-fine-tuning.client';

describe('UpstreamFineTuningClient', () => {
  it.each([200, 500])(
    'cuts off a %i answer larger than a job object can be, instead of reading it all',
    async (status) => {
      const upstream = new FloodingServer(2048, status); // 128 MB
      const baseUrl = await upstream.start();
      try {
        const client = new UpstreamFineTuningClient({ baseUrl, timeoutMs: 30_000 });
        const failure = (await client.getJob('ftjob-1').then(
          () => undefined,
          (err: unknown) => err,
        )) as { code?: string };
        expect(failure?.code).toBe(InferenceErrorCode.UpstreamError);
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(upstream.sent).toBeLessThan(1024);
      } finally {
        await upstream.stop();
      }
    },
    60_000,
  );
});
