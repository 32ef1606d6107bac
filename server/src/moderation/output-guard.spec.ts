import { lexiconVerdicts } from './checks/lexicon.check';
import { decide } from './moderation.service';
import { Direction, ModerationAction } from './moderation.types';
import { GuardedText, OutputGuard, TokenLogprobs } from './output-guard';
import { MAX_RAW_UNITS_PER_CHAR } from './text/normalized-text';

/** A moderator that blocks any window containing "forbidden" and redacts "secret". */
const moderateOne = async (text: string) => {
  const verdicts = [];
  const blocked = text.indexOf('forbidden');
  if (blocked >= 0) {
    verdicts.push({
      check: 'blocklist',
      category: 'blocklist' as const,
      score: 1,
      spans: [{ start: blocked, end: blocked + 9 }],
      direction: Direction.Output,
      threshold: 0.5,
      triggered: true,
      action: ModerationAction.Block,
    });
  }
  const secret = text.indexOf('secret');
  if (secret >= 0) {
    verdicts.push({
      check: 'pii',
      category: 'pii/secret' as const,
      score: 1,
      spans: [{ start: secret, end: secret + 6 }],
      direction: Direction.Output,
      threshold: 0.5,
      triggered: true,
      action: ModerationAction.Redact,
    });
  }
  return decide(text, verdicts);
};

const moderate = (texts: string[]) => Promise.all(texts.map(moderateOne));

function delta(
  text: string,
  finish: string | null = null,
  logprobs: TokenLogprobs | null = null,
): GuardedText {
  return { index: 0, text, finish_reason: finish, logprobs };
}

async function feed(guard: OutputGuard, pieces: string[]): Promise<{ sent: string; blocked: boolean }> {
  let sent = '';
  for (const [i, piece] of pieces.entries()) {
    const released = await guard.push(delta(piece, i === pieces.length - 1 ? 'stop' : null));
    sent += released?.text ?? '';
    if (released?.finish_reason === 'content_filter') return { sent, blocked: true };
  }
  return { sent, blocked: false };
}

describe('output guard on a stream', () => {
  it('passes clean text through unchanged, whatever the chunking', async () => {
    const text = 'The quick brown fox jumps over the lazy dog. '.repeat(5);
    const result = await feed(new OutputGuard(moderate, 16), text.split(/(?= )/));
    expect(result).toEqual({ sent: text, blocked: false });
  });

  it('never sends any part of a banned word split across chunks', async () => {
    const pieces = [
      ...'a long and harmless opening sentence that goes on for a while '.split(/(?= )/),
      ' forb',
      'idden',
      ' words follow',
    ];
    const result = await feed(new OutputGuard(moderate, 16), pieces);
    expect(result.blocked).toBe(true);
    expect(result.sent).not.toMatch(/forb|idden/);
    expect(result.sent.length).toBeGreaterThan(0);
  });

  it('redacts a span without splitting it between releases', async () => {
    const pieces = 'here is some padding text and then the sec'
      .split(/(?= )/)
      .concat(['ret', ' value ends here soon enough']);
    const result = await feed(new OutputGuard(moderate, 8), pieces);
    expect(result.blocked).toBe(false);
    expect(result.sent).toBe(
      'here is some padding text and then the [REDACTED:pii/secret] value ends here soon enough',
    );
  });

  it('releases logprobs exactly with their text, whole deltas at a time', async () => {
    const words = 'one two three four five six seven eight nine ten eleven twelve'.split(/(?= )/);
    const guard = new OutputGuard(moderate, 8);
    let offset = 0;
    const chunks: GuardedText[] = [];
    for (const [i, word] of words.entries()) {
      const logprobs = { tokens: [word], token_logprobs: [-i], top_logprobs: [null], text_offset: [offset] };
      offset += word.length;
      const released = await guard.push(delta(word, i === words.length - 1 ? 'length' : null, logprobs));
      if (released) chunks.push(released);
    }
    for (const chunk of chunks) expect(chunk.logprobs?.tokens.join('') ?? '').toBe(chunk.text);
    expect(chunks.flatMap((chunk) => chunk.logprobs?.tokens ?? [])).toEqual(words);
    expect(chunks.at(-1)!.finish_reason).toBe('length');
  });

  it('stops a held choice without ending it, and reports it held', async () => {
    const holding = (texts: string[]) =>
      Promise.all(
        texts.map(async (text) => {
          const result = await moderateOne(text);
          return text.includes('wait') ? { ...result, action: ModerationAction.Hold } : result;
        }),
      );
    const guard = new OutputGuard(holding, 8);
    expect(await guard.push(delta('please wait here for a decision', 'stop'))).toBeNull();
    expect(guard.held).toBe(true);
    expect(guard.heldChoices).toEqual([0]);
  });
});

describe('output guard on whole choices', () => {
  it('blocks, redacts (dropping logprobs) and passes choices as the policy says', async () => {
    const guard = new OutputGuard(moderate, 8);
    const logprobs = { tokens: ['x'], token_logprobs: [-1], top_logprobs: [null], text_offset: [0] };
    const reviewed = await guard.review([
      { ...delta('a forbidden word', 'stop', logprobs), index: 0 },
      { ...delta('my secret is out', 'stop', logprobs), index: 1 },
      { ...delta('all fine', 'stop', logprobs), index: 2 },
    ]);
    expect(reviewed.map((choice) => [choice.text, choice.finish_reason, choice.logprobs !== null])).toEqual([
      ['', 'content_filter', false],
      ['my [REDACTED:pii/secret] is out', 'stop', false],
      ['all fine', 'stop', true],
    ]);
    expect(guard.verdicts.map((verdict) => verdict.category)).toEqual(['blocklist', 'pii/secret']);
  });

  /** A moderator that passes everything and keeps every window it was shown. */
  function recording(): { windows: string[]; moderate: typeof moderate } {
    const windows: string[] = [];
    return {
      windows,
      moderate: (texts: string[]) => {
        windows.push(...texts);
        return moderate(texts);
      },
    };
  }

  const STORY = Array.from(
    { length: 60 },
    (_, i) => `Sentence ${i} of a story that keeps going, told one token at a time. `,
  ).join('');

  /** The text cut into pieces of `size` characters. */
  const chunks = (text: string, size: number) =>
    Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));

  it('checks the same windows however the text is chunked', async () => {
    const seen = await Promise.all(
      [1, 3, 4, 7, 50, 500].map(async (size) => {
        const { windows, moderate: recorder } = recording();
        const result = await feed(new OutputGuard(recorder, 48), chunks(STORY, size));
        expect(result).toEqual({ sent: STORY, blocked: false });
        return windows;
      }),
    );
    for (const windows of seen.slice(1)) expect(windows).toEqual(seen[0]);
  });

  it('shows the checks each generated character under 4 times, not once per 24 characters of window', async () => {
    const { windows, moderate: recorder } = recording();
    await feed(new OutputGuard(recorder, 48), chunks(STORY, 4));
    const checked = windows.reduce((sum, window) => sum + window.length, 0);
    expect(checked / STORY.length).toBeLessThan(4);
    // Every window still starts with 400 characters of text already sent once the stream is long enough.
    expect(Math.min(...windows.slice(10).map((window) => window.length))).toBeGreaterThanOrEqual(400 + 48);
  });

  it('still releases the first text after 24 fresh characters, up to the last whole word', async () => {
    const guard = new OutputGuard(moderate, 48);
    let sent = '';
    for (const piece of chunks(STORY.slice(0, 72), 4)) sent += (await guard.push(delta(piece)))?.text ?? '';
    expect(sent).toBe('Sentence 0 of a st'); // the check's window ended at "story " less the 48 held back
  });

  it('never releases half of a surrogate pair, however the text is chunked', async () => {
    const text = `ab ${'\u{20000}'.repeat(200)} and ${'\u{1f600}'.repeat(100)}`;
    for (const size of [1, 3, 7, 50]) {
      const pieces = text.match(new RegExp(`[^]{1,${size}}`, 'g'))!;
      const guard = new OutputGuard(moderate, 48);
      const released: string[] = [];
      for (const [i, piece] of pieces.entries()) {
        const out = await guard.push(delta(piece, i === pieces.length - 1 ? 'stop' : null));
        if (out?.text) released.push(out.text);
      }
      expect(released.join('')).toBe(text);
      expect(released.length).toBeGreaterThan(3);
      for (const piece of released) expect(piece).not.toMatch(/[\ud800-\udbff]$|^[\udc00-\udfff]/);
    }
  });

  it('never judges a word cut by a window edge: "about" streamed is not the slur "abo"', async () => {
    const blockHate = (texts: string[]) =>
      Promise.all(
        texts.map(async (text) =>
          decide(
            text,
            lexiconVerdicts(text, { words: [], phrases: [], patterns: [] }).map((verdict) => ({
              ...verdict,
              direction: Direction.Output,
              threshold: 0.5,
              triggered: true,
              action: verdict.category === 'hate' ? ModerationAction.Block : ModerationAction.Observe,
            })),
          ),
        ),
      );
    // "abo" of "about" ends where the first check's window does (48 held back + 24 fresh characters).
    const story =
      `${'Lily went home to tell her mom and dad, and then she told them'.padEnd(69, ' ')}about the day. `.repeat(
        12,
      );
    expect(story.indexOf('about') + 3).toBe(72);
    for (const size of [1, 4, 5]) {
      expect(await feed(new OutputGuard(blockHate, 48), chunks(story, size))).toEqual({
        sent: story,
        blocked: false,
      });
    }
    // The whole answer is not blocked either, and a real slur still is.
    expect(await new OutputGuard(blockHate, 48).review([delta(story, 'stop')])).toEqual([
      delta(story, 'stop'),
    ]);
    expect((await feed(new OutputGuard(blockHate, 48), chunks(`${story} you abo `, 4))).blocked).toBe(true);
  });

  it('sizes the holdback from the longest blocklist entry, evasions included', () => {
    // Each normalized character may stand for MAX_RAW_UNITS_PER_CHAR original ones (marks, zero-width
    // characters, punctuation between letters), so an evaded entry's start never leaves before its end arrives.
    expect(OutputGuard.holdbackFor({ words: ['hi'], phrases: [], patterns: [] })).toBe(48);
    expect(OutputGuard.holdbackFor({ words: ['zanzibar'], phrases: [], patterns: [] })).toBe(
      8 * MAX_RAW_UNITS_PER_CHAR + 8,
    );
    expect(
      OutputGuard.holdbackFor({ words: [], phrases: [], patterns: ['launch code(?: [a-z]{1,8}){10}'] }),
    ).toBe(101 * MAX_RAW_UNITS_PER_CHAR + 8);
  });
});
