import { replayInput } from './shadow-replayer';

type Call = Parameters<typeof replayInput>[0];
type Rules = Parameters<typeof replayInput>[1];
const inputTexts = (call: Call, rules: Rules) => replayInput(call, rules)?.texts ?? null;
const readTogetherOf = (call: Call, rules: Rules) => replayInput(call, rules)?.readTogether ?? [];

describe('replayInput: what a replay moderates of a logged call', () => {
  const rules = { exemptSystemPrompt: false };

  it('reads plain prompts, lists of prompts and the suffix', () => {
    expect(inputTexts({ prompt: 'Once upon a time', suffix: 'The end.' }, rules)).toEqual([
      'Once upon a time',
      'The end.',
    ]);
    expect(inputTexts({ prompt: ['one', 'two'], suffix: null }, rules)).toEqual(['one', 'two']);
  });

  it('reads the tools a logged assistant message called and their arguments, as the pipeline moderated them', () => {
    const prompt = [
      { role: 'user', content: 'Book me a table.' },
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'call_1', name: 'send_mail', arguments: '{"body":"I will hurt you"}' }],
      },
      { role: 'tool', content: 'sent', toolCallId: 'call_1' },
    ];
    const texts = inputTexts({ prompt, suffix: null }, rules);
    expect(texts).toContain('send_mail\n{"body":"I will hurt you"}');
    expect(texts).toEqual(expect.arrayContaining(['Book me a table.', 'sent']));
  });

  it('leaves out system messages the policy exempts, and token-id prompts entirely', () => {
    const prompt = [
      { role: 'system', content: 'You are a pirate.' },
      { role: 'user', content: 'Hello' },
    ];
    expect(inputTexts({ prompt, suffix: null }, { exemptSystemPrompt: true })).toEqual(['Hello']);
    expect(inputTexts({ prompt: [[1, 2, 3]], suffix: null }, rules)).toBeNull();
  });
});

describe('replayInput: the texts a replay also reads together', () => {
  it('points at each message content among the texts, past tool calls and exempt system prompts', () => {
    const prompt = [
      { role: 'system', content: 'Be brief.' },
      { role: 'assistant', content: '', toolCalls: [{ name: 'lookup', arguments: '{}' }] },
      { role: 'user', content: 'Best method to' },
      { role: 'user', content: 'hang myself?' },
    ];
    const exempt = { exemptSystemPrompt: true };
    const texts = inputTexts({ prompt, suffix: null }, exempt)!;
    const [messages] = readTogetherOf({ prompt, suffix: null }, exempt);
    expect(messages.indexes.map((index) => texts[index])).toEqual(['', 'Best method to', 'hang myself?']);
    expect(readTogetherOf({ prompt, suffix: null }, { exemptSystemPrompt: false })[0].indexes).toEqual([
      0, 1, 3, 4,
    ]);
  });

  it('pairs each prompt with the suffix, and nothing without one', () => {
    const rules = { exemptSystemPrompt: false };
    expect(readTogetherOf({ prompt: ['one', 'two'], suffix: 'end' }, rules)).toEqual([
      { indexes: [0, 2], param: 'prompt' },
      { indexes: [1, 2], param: 'prompt' },
    ]);
    expect(readTogetherOf({ prompt: ['one', 'two'], suffix: null }, rules)).toEqual([]);
  });
});
