import path from 'node:path';
import { loadClassifierManifest } from '../moderation/classifier/classifier.manifest';
import { EVEN_ODDS, ModerationAction } from '../moderation/moderation.types';
import { defaultPolicy } from './policy.defaults';

const MODEL_DIRECTORY = path.join(__dirname, '..', '..', '..', 'models', 'moderation');
const REFUSED_WHEN_CONFIDENT = [
  'illicit/violent',
  'self-harm/instructions',
  'harassment/threatening',
] as const;

describe('default policies', () => {
  it('refuse the severe categories the default model cannot separate on input only from even odds when live', () => {
    const live = defaultPolicy('live');
    const sandbox = defaultPolicy('sandbox');
    for (const category of REFUSED_WHEN_CONFIDENT) {
      expect(live.categories[category].input).toEqual({
        threshold: EVEN_ODDS,
        action: ModerationAction.Block,
      });
      expect(live.categories[category].output).toEqual({ threshold: null, action: ModerationAction.Block });
      expect(sandbox.categories[category].input).toEqual({ threshold: null, action: ModerationAction.Block });
    }
    expect(live.categories['sexual/minors'].input).toEqual({
      threshold: null,
      action: ModerationAction.Block,
    });
    expect(live.categories['hate/threatening'].input).toEqual({
      threshold: null,
      action: ModerationAction.Block,
    });
  });

  it("only raise the shipped model's thresholds: each is below even odds", () => {
    const manifest = loadClassifierManifest(MODEL_DIRECTORY);
    for (const category of REFUSED_WHEN_CONFIDENT)
      expect(manifest.thresholds[category]).toBeLessThan(EVEN_ODDS);
  });
});
