import { FloodingServer } from '../../../../test/support/flooding-server';
import { GuardCallError, GuardFailureCode, postJson } from './guard-client';

describe('guard postJson', () => {
  it('does not read an answer past its limit into memory: a malformed_response, the connection dropped', async () => {
    const guard = new FloodingServer(2048); // 128 MB
    const baseUrl = await guard.start();
    try {
      const failure = await postJson({ baseUrl, timeoutMs: 30_000 }, '/v1/chat/completions', {}).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(failure).toBeInstanceOf(GuardCallError);
      expect((failure as GuardCallError).code).toBe(GuardFailureCode.Malformed);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(guard.sent).toBeLessThan(1024); // it stopped well before the 128 MB were sent
    } finally {
      await guard.stop();
    }
  }, 60_000);
});
