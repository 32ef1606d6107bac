import { fineTuningLine, LabeledCall, mergeJudgments, moderationLine, promptText } from './dataset-export';

const call = (overrides: Partial<LabeledCall>): LabeledCall => ({
  requestId: 'req_1',
  prompt: 'a prompt',
  output: [{ index: 0, text: 'an answer', finish_reason: 'stop' }],
  staffCategories: [],
  goodRatings: 0,
  badRatings: 0,
  ...overrides,
});

describe('dataset export', () => {
  it('merges staff judgments by majority and drops ties', () => {
    expect(
      mergeJudgments([
        { violence: true, hate: false, sexual: true },
        { violence: true, hate: true },
        { violence: false },
      ]),
    ).toEqual({ violence: true, sexual: true });
  });

  it('writes moderation lines in the moderation-dev codes, only for judged coded categories', () => {
    expect(
      JSON.parse(moderationLine(call({ staffCategories: [{ violence: true, 'hate/threatening': false }] }))!),
    ).toEqual({ prompt: 'a prompt', V: 1, H2: 0 });
    // illicit has no code in that format: nothing to write.
    expect(moderationLine(call({ staffCategories: [{ illicit: true }] }))).toBeNull();
  });

  it('redacts personal data in both formats', () => {
    const withEmail = call({
      prompt: 'mail bob@example.com',
      output: [{ index: 0, text: 'sure, bob@example.com', finish_reason: 'stop' }],
      staffCategories: [{ hate: false }],
      goodRatings: 1,
    });
    expect(moderationLine(withEmail)).not.toContain('bob@example.com');
    expect(fineTuningLine(withEmail)).not.toContain('bob@example.com');
  });

  it('writes fine-tuning lines only for calls rated good and never bad', () => {
    expect(JSON.parse(fineTuningLine(call({ goodRatings: 1 }))!)).toEqual({
      prompt: 'a prompt',
      completion: ' an answer',
    });
    expect(fineTuningLine(call({ goodRatings: 2, badRatings: 1 }))).toBeNull();
    expect(fineTuningLine(call({}))).toBeNull();
  });

  it('renders a chat the way the training-file validator renders chat examples', () => {
    expect(
      promptText([
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ]),
    ).toBe('System: Be brief.\nUser: Hi\nAssistant:');
    expect(promptText([1, 2, 3])).toBeNull();
  });
});
