import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPOSITORY_ROOT } from './support/warden';

const DIST = path.join(REPOSITORY_ROOT, 'dist', 'server', 'src');

/**
 * Runs a script against the built server in a process of its own: a thread holding an onnxruntime session that is
 * terminated mid-run aborts its whole process (`terminate called after throwing an instance of 'Napi::Error'`), which
 * no test inside jest's own process could observe and survive.
 */
function runScript(
  script: string,
  timeoutMs = 60_000,
): { status: number | null; signal: NodeJS.Signals | null; out: string } {
  const result = spawnSync(process.execPath, ['-e', script], {
    cwd: REPOSITORY_ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return { status: result.status, signal: result.signal, out: `${result.stdout}${result.stderr}` };
}

describe('model threads at shutdown', () => {
  it('stops the embedded engine while it generates: the runs fail with the engine error, the process lives on', () => {
    // A fine-tuned model withdrawn while a bias run used it closed its engine mid-step and took the worker down.
    const { status, signal, out } = runScript(`
      const { EmbeddedProvider } = require(${JSON.stringify(path.join(DIST, 'inference/embedded/embedded.provider'))});
      const { ENGINE_TUNING } = require(${JSON.stringify(path.join(DIST, 'inference/embedded/engine-pool'))});
      const { generationRequest } = require(${JSON.stringify(path.join(DIST, 'inference/model-provider'))});
      (async () => {
        const provider = await EmbeddedProvider.start({
          directory: ${JSON.stringify(path.join(REPOSITORY_ROOT, 'models'))},
          models: ['stories260K'],
          engine: { threads: 1, maxBatch: 16, queueLimit: 64, ...ENGINE_TUNING },
        });
        const runs = Array.from({ length: 8 }, (_, seed) =>
          provider.complete(generationRequest({
            model: 'stories260K', prompt: 'Once upon a time', maxTokens: 256, temperature: 1, seed,
            signal: new AbortController().signal,
          })).then(() => 'completed', (err) => err.message),
        );
        await new Promise((resolve) => setTimeout(resolve, 50));
        await provider.close();
        console.log(JSON.stringify({ runs: await Promise.all(runs) }));
        await new Promise((resolve) => setTimeout(resolve, 300));
        console.log('still running');
      })();
    `);
    expect(out).not.toContain('terminate called');
    expect({ status, signal }).toEqual({ status: 0, signal: null });
    expect(out).toContain('still running');
    const { runs } = JSON.parse(out.split('\n').find((line) => line.startsWith('{'))!) as { runs: string[] };
    expect(runs).toHaveLength(8);
    for (const run of runs) {
      expect(['completed', 'The embedded engine failed: the engine was stopped']).toContain(run);
    }
    expect(runs).toContain('The embedded engine failed: the engine was stopped');
  });

  it('stops the moderation classifier while it scores: the process lives on', () => {
    const { status, signal, out } = runScript(`
      const { loadConfig } = require(${JSON.stringify(path.join(DIST, 'config/config'))});
      const { createLogger } = require(${JSON.stringify(path.join(DIST, 'common/logger'))});
      const { ClassifierService } = require(${JSON.stringify(path.join(DIST, 'moderation/classifier/classifier.service'))});
      (async () => {
        const classifier = new ClassifierService(loadConfig(process.env), createLogger('silent', 'shutdown-test'));
        await classifier.onModuleInit();
        const texts = Array.from({ length: 64 }, (_, i) => 'A long and ordinary sentence number ' + i + '. '.repeat(40));
        const scored = classifier.classify(texts, 'input').then(() => 'scored', (err) => err.message);
        await new Promise((resolve) => setTimeout(resolve, 20));
        await classifier.onModuleDestroy();
        console.log(JSON.stringify({ scored: await Promise.race([scored, new Promise((r) => setTimeout(() => r('waiting'), 200))]) }));
        console.log('still running');
        process.exit(0);
      })();
    `);
    expect(out).not.toContain('terminate called');
    expect({ status, signal }).toEqual({ status: 0, signal: null });
    expect(out).toContain('still running');
  });

  it('stops a classifier still starting on first use (as in the worker): its thread exits too', () => {
    // The process is left to end by itself: a thread nobody asked to exit keeps it alive until the timeout kills it.
    const { status, signal, out } = runScript(
      `
      const { loadConfig } = require(${JSON.stringify(path.join(DIST, 'config/config'))});
      const { createLogger } = require(${JSON.stringify(path.join(DIST, 'common/logger'))});
      const { ModelLoading } = require(${JSON.stringify(path.join(DIST, 'common/model-loading'))});
      const { ClassifierService } = require(${JSON.stringify(path.join(DIST, 'moderation/classifier/classifier.service'))});
      (async () => {
        const classifier = new ClassifierService(
          loadConfig(process.env), createLogger('silent', 'shutdown-test'), ModelLoading.OnFirstUse,
        );
        await classifier.onModuleInit();
        const scored = classifier.classify(['Good morning, how are you?'], 'input').then(() => 'scored', (err) => err.message);
        await classifier.onModuleDestroy();
        console.log(JSON.stringify({ scored: await scored }));
      })();
    `,
      20_000,
    );
    expect(out).not.toContain('terminate called');
    expect({ status, signal }).toEqual({ status: 0, signal: null });
    expect(out).toContain('{"scored":"scored"}');
  });
});
