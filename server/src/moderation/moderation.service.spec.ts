import pino from 'pino';
import { WardenConfig } from '../config/config';
import { defaultPolicy } from '../policies/policy.defaults';
import { ClassifierService } from './classifier/classifier.service';
import { ClassifiedText } from './classifier/classifier-scorer';
import { ModerationService } from './moderation.service';
import { standaloneModerationService } from './standalone-moderation';
import {
  Direction,
  ModerationAction,
  ModerationCategory,
  ModerationPolicy,
  OPENAI_CATEGORIES,
} from './moderation.types';

/** The classifier's ONNX side replaced (STYLE 3): fixed scores, and a count of the texts it was asked to score. */
class ScoringClassifier {
  readonly name = 'test-classifier';
  readonly labels: ModerationCategory[] = [...OPENAI_CATEGORIES];
  scored = 0;
  threshold(): number {
    return 0.5;
  }
  classify(texts: string[]): Promise<ClassifiedText[]> {
    this.scored += texts.length;
    return Promise.resolve(
      texts.map(() => ({
        scores: this.labels.map((label) => (label === 'violence' ? 0.9 : 0.01)),
        unread: 0,
      })),
    );
  }
}

function service(): { moderation: ModerationService; classifier: ScoringClassifier } {
  const classifier = new ScoringClassifier();
  const asService = classifier as unknown as ClassifierService;
  const config = { moderation: {} } as WardenConfig; // no guard endpoints configured
  const moderation = standaloneModerationService(config, asService, pino({ level: 'silent' }));
  return { moderation, classifier };
}

/** The live default, with every classifier category set to `allow` in `directions`. */
function classifierAllowed(...directions: Direction[]): ModerationPolicy {
  const policy = defaultPolicy('live');
  for (const category of OPENAI_CATEGORIES) {
    for (const direction of directions) {
      policy.categories[category][direction] = { threshold: null, action: ModerationAction.Allow };
    }
  }
  return policy;
}

const TEXT = 'Write to jane@example.com about the battle.';

describe('ModerationService: checks the policy cannot act on are not run', () => {
  it('runs the classifier when one of its categories acts', async () => {
    const { moderation, classifier } = service();
    const [result] = await moderation.moderate([TEXT], Direction.Input, defaultPolicy('live'));
    expect(classifier.scored).toBe(1);
    expect(result.verdicts.some((verdict) => verdict.check === 'classifier')).toBe(true);
  });

  it('skips the classifier in a direction where the policy allows all its categories, and only there', async () => {
    const { moderation, classifier } = service();
    const policy = classifierAllowed(Direction.Input);
    const [input] = await moderation.moderate([TEXT], Direction.Input, policy);
    expect(classifier.scored).toBe(0);
    expect(input.verdicts.map((verdict) => verdict.check)).not.toContain('classifier');
    // The rule checks still run: their own categories act.
    expect(input.verdicts).toContainEqual(
      expect.objectContaining({ check: 'pii', category: 'pii/email', triggered: true }),
    );
    await moderation.moderate([TEXT], Direction.Output, policy);
    expect(classifier.scored).toBe(1);
  });

  it('decides the same whether or not the allowed checks ran', async () => {
    const { moderation } = service();
    const policy = classifierAllowed(Direction.Input, Direction.Output);
    const [skipped] = await moderation.moderate([TEXT], Direction.Input, policy);
    const [scored] = await moderation.moderate([TEXT], Direction.Input, policy, { scoreEveryCategory: true });
    expect(scored.verdicts.some((verdict) => verdict.check === 'classifier' && verdict.triggered)).toBe(true);
    expect({ action: skipped.action, flagged: skipped.flagged, text: skipped.text }).toEqual({
      action: scored.action,
      flagged: scored.flagged,
      text: scored.text,
    });
  });

  it('skips a rule check whose categories are all allowed', async () => {
    const { moderation } = service();
    const policy = defaultPolicy('live');
    for (const category of ['pii/email', 'pii/phone', 'pii/payment-card', 'pii/national-id'] as const) {
      policy.categories[category].input = { threshold: null, action: ModerationAction.Allow };
    }
    const [partly] = await moderation.moderate([TEXT], Direction.Input, policy);
    expect(partly.verdicts.map((verdict) => verdict.check)).toContain('pii');
    for (const category of ['pii/ip-address', 'pii/secret'] as const) {
      policy.categories[category].input = { threshold: null, action: ModerationAction.Allow };
    }
    const [none] = await moderation.moderate([TEXT], Direction.Input, policy);
    expect(none.verdicts.map((verdict) => verdict.check)).not.toContain('pii');
  });

  it('scores every category for /v1/moderations whatever the policy', async () => {
    const { moderation, classifier } = service();
    const policy = classifierAllowed(Direction.Input);
    const [result] = await moderation.moderate([TEXT], Direction.Input, policy, { scoreEveryCategory: true });
    expect(classifier.scored).toBe(1);
    expect(result.verdicts.filter((verdict) => verdict.check === 'classifier')).toHaveLength(14);
  });
});

describe('ModerationService: texts the model reads as one are also read together', () => {
  const conversation = [{ indexes: [0, 1], param: 'messages' }];
  const split = ['Tell me everything about project', 'nightingale, please.'];

  function phrasePolicy(action: ModerationAction): ModerationPolicy {
    const policy = defaultPolicy('live');
    policy.blocklist = { words: [], phrases: ['project nightingale'], patterns: [] };
    policy.categories.blocklist.input = { threshold: null, action };
    return policy;
  }

  const paramOf = (index: number) => `messages.${index}.content`;

  /** The texts screened as a two-message chat under the phrase policy with `action`. */
  function screenChat(texts: string[], action: ModerationAction) {
    return service().moderation.screenInput(texts, phrasePolicy(action), {}, paramOf, conversation);
  }

  it('blocks what only the messages read together say, naming the conversation', async () => {
    const screening = await screenChat(split, ModerationAction.Block);
    expect(screening.action).toBe(ModerationAction.Block);
    expect(screening.blocked).toBeNull();
    expect(screening.blockedTogether).toBe('messages');
    expect(screening.texts).toEqual(split);
    const together = screening.verdicts.filter((verdict) => verdict.param === 'messages');
    expect(together.map((verdict) => verdict.category)).toEqual(['blocklist']);
    expect(together[0].spans).toBeUndefined();
  });

  it('withholds what a policy would redact across messages: there is no one text to redact it in', async () => {
    const screening = await screenChat(split, ModerationAction.Redact);
    expect(screening.action).toBe(ModerationAction.Block);
    expect(screening.texts).toEqual(split);
  });

  it('adds nothing when a message already says it on its own', async () => {
    const screening = await screenChat(
      ['Hello.', 'Tell me about project nightingale.'],
      ModerationAction.Block,
    );
    expect(screening.blocked).toBe(1);
    expect(screening.blockedTogether).toBeNull();
    expect(screening.verdicts.some((verdict) => verdict.param === 'messages')).toBe(false);
  });

  it('reads a one-message conversation once', async () => {
    const { moderation, classifier } = service();
    await moderation.screenInput(['Hello.'], defaultPolicy('live'), {}, paramOf, [
      { indexes: [0], param: 'messages' },
    ]);
    expect(classifier.scored).toBe(1);
  });

  it('reads a conversation whole only with the checks that judge wording', async () => {
    const { moderation, classifier } = service();
    const screening = await moderation.screenInput(
      ['Write to jane@', 'example.com today.'],
      defaultPolicy('live'),
      {},
      paramOf,
      conversation,
    );
    expect(classifier.scored).toBe(3);
    expect(
      screening.verdicts.some((verdict) => verdict.check === 'pii' && verdict.param === 'messages'),
    ).toBe(false);
  });
});
