import { InferenceErrorCode } from './inference.errors';
import { ModelProvider } from './model-provider';
import { ModelCaller, ModelRegistry } from './model-registry';

const provider = (ids: string[]): ModelProvider => ({
  name: 'test',
  models: () => ids.map((id) => ({ id, ownedBy: 'test', created: 0 })),
  complete: () => Promise.reject(new Error('not used')),
  stream: () => {
    throw new Error('not used');
  },
});

const OWNER: ModelCaller = { organizationId: 'org-a', sandboxKey: false };
const STRANGER: ModelCaller = { organizationId: 'org-b', sandboxKey: true };

describe('ModelRegistry', () => {
  const guard = (caller: ModelCaller) => {
    if (caller.organizationId !== 'org-a') throw new Error('hidden');
  };

  it('adds, guards, lists and removes models at run time, leaving start-up models alone', () => {
    const registry = new ModelRegistry();
    const base = provider(['base']);
    registry.register(base);
    const tuned = provider(['ft:base:a::1']);
    registry.put(tuned.models()[0], tuned, guard);

    expect(registry.resolve('ft:base:a::1', OWNER)).toBe(tuned);
    expect(() => registry.resolve('ft:base:a::1', STRANGER)).toThrow('hidden');
    // Internal callers (samples, bias runs) pass no caller.
    expect(registry.resolve('ft:base:a::1')).toBe(tuned);
    expect(registry.list().map((model) => model.id)).toEqual(['base']);
    expect(registry.list(OWNER).map((model) => model.id)).toEqual(['base', 'ft:base:a::1']);
    expect(registry.list(STRANGER).map((model) => model.id)).toEqual(['base']);

    expect(registry.remove('base')).toBeNull();
    expect(registry.remove('ft:base:a::1')).toBe(tuned);
    expect(() => registry.resolve('ft:base:a::1', OWNER)).toThrow(
      expect.objectContaining({ code: InferenceErrorCode.ModelNotFound }),
    );
    expect(registry.resolve('base', OWNER)).toBe(base);
  });
});
