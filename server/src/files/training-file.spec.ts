import { describeProblems, validateTrainingFile } from './training-file';

const jsonl = (...lines: string[]) => Buffer.from(lines.join('\n'));

describe('validateTrainingFile', () => {
  it('reads completion examples with their line numbers, skipping blank lines', () => {
    const result = validateTrainingFile(
      jsonl('{"prompt":"Q: a?\\nA:","completion":" b"}', '', '{"prompt":"","completion":" c"}', ''),
    );
    expect(result).toEqual({
      ok: true,
      format: 'completion',
      examples: [
        { line: 1, prompt: 'Q: a?\nA:', completion: ' b' },
        { line: 3, prompt: '', completion: ' c' },
      ],
    });
  });

  it("keeps chat examples' turns for the trainer, and a transcript ending at the last assistant turn for screening", () => {
    const result = validateTrainingFile(
      jsonl(
        JSON.stringify({
          messages: [
            { role: 'system', content: 'Be brief.' },
            { role: 'user', content: 'Magic word?' },
            { role: 'assistant', content: 'banana' },
          ],
        }),
      ),
    );
    expect(result).toEqual({
      ok: true,
      format: 'chat',
      examples: [
        {
          line: 1,
          prompt: 'System: Be brief.\nUser: Magic word?\nAssistant:',
          completion: ' banana',
          messages: [
            { role: 'system', content: 'Be brief.' },
            { role: 'user', content: 'Magic word?' },
            { role: 'assistant', content: 'banana' },
          ],
        },
      ],
    });
  });

  it('names the line and the field of every problem', () => {
    const result = validateTrainingFile(
      jsonl(
        '{"prompt":"a","completion":" b"}',
        '{"prompt":"a"}',
        'not json',
        '{"prompt":1,"completion":" x"}',
        '{"messages":[{"role":"user","content":"hi"}]}',
        '[1,2]',
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { line: 2, field: 'completion', message: 'missing' },
      { line: 3, field: null, message: expect.stringContaining('not valid JSON') },
      { line: 4, field: 'prompt', message: 'expected a string' },
      { line: 5, field: 'messages', message: expect.stringContaining('chat format') },
      { line: 6, field: null, message: 'expected a JSON object' },
    ]);
    expect(describeProblems(result.problems)).toContain('line 2, field "completion": missing');
  });

  it('checks chat messages one by one', () => {
    const result = validateTrainingFile(
      jsonl('{"messages":[{"role":"user","content":"hi"},{"role":"robot","content":3}]}', '{"messages":[]}'),
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { line: 1, field: 'messages[1].role', message: 'expected "system", "user" or "assistant"' },
        { line: 1, field: 'messages[1].content', message: 'expected a string' },
        { line: 2, field: 'messages', message: 'expected a non-empty array' },
      ],
    });
  });

  it('refuses an empty file and bytes that are not UTF-8', () => {
    expect(validateTrainingFile(Buffer.from('\n\n'))).toMatchObject({
      ok: false,
      problems: [{ message: 'the file has no examples' }],
    });
    expect(validateTrainingFile(Buffer.from([0xff, 0xfe, 0x00]))).toMatchObject({ ok: false });
  });
});
