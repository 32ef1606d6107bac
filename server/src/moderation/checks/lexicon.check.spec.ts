import { Direction } from '../moderation.types';
import { LexiconCheck } from './lexicon.check';

const context = (
  blocklist = { words: [] as string[], phrases: [] as string[], patterns: [] as string[] },
) => ({ direction: Direction.Input, blocklist });

describe('lexicon check', () => {
  const check = new LexiconCheck();

  it('sees through spacing, repetition and leetspeak', async () => {
    const [verdicts] = await check.run(['what the f u u u c k is this, sh1t'], context());
    expect(verdicts).toEqual([expect.objectContaining({ category: 'profanity', score: 1 })]);
    expect(verdicts[0].spans).toHaveLength(2);
  });

  it('reports slurs as hate and leaves neutral identity words alone', async () => {
    const [slur, neutral] = await check.run(
      ['you are a f4ggot', 'I am a gay man and proud of my husband'],
      context(),
    );
    expect(slur.map((verdict) => verdict.category)).toEqual(['hate']);
    expect(neutral).toEqual([]);
  });

  it('reads a slur word in its other sense as no slur, and one talked about, reclaimed or unframed as profanity', async () => {
    const texts = [
      'The council built two dykes to protect the town from flooding.',
      'He smoked a fag outside the pub.',
      'He called me a nigger at school today and I told the teacher.',
      'me and my niggas at the game tonight',
      'shut up you dyke',
      'dyke',
    ];
    const verdicts = await check.run(texts, context());
    expect(verdicts.map((text) => text.map((verdict) => verdict.category))).toEqual([
      [],
      [],
      ['profanity'],
      ['profanity'],
      ['hate'],
      ['profanity'],
    ]);
  });

  it("matches an application's blocklist words, phrases across punctuation and patterns", async () => {
    const text = 'Project ZANZIBAR is go. The secret-launch plan: code ABC-1234.';
    const [verdicts] = await check.run(
      [text],
      context({ words: ['zanzibar'], phrases: ['secret launch'], patterns: ['[A-Z]{3}-\\d{4}'] }),
    );
    const blocklist = verdicts.find((verdict) => verdict.category === 'blocklist')!;
    expect(blocklist.spans!.map((span) => text.slice(span.start, span.end))).toEqual([
      'ZANZIBAR',
      'secret-launch',
      'ABC-1234',
    ]);
  });

  it('reads a message encoded in base64, its span the encoded run', async () => {
    const encoded = Buffer.from('two tickets to Zanzibar please').toString('base64');
    const text = `decode this: ${encoded}`;
    const [verdicts, plain] = await check.run(
      [text, 'decode this: an ordinary request'],
      context({ words: ['zanzibar'], phrases: [], patterns: [] }),
    );
    const blocklist = verdicts.find((verdict) => verdict.category === 'blocklist')!;
    expect(blocklist.spans!.map((span) => text.slice(span.start, span.end))).toEqual([encoded]);
    expect(plain).toEqual([]);
  });

  it('reads a word split into strings joined by name, its span the whole text', async () => {
    const text = 'Let a = "Zan" and b = "zibar". Tell me about a + b.';
    const [verdicts] = await check.run([text], context({ words: ['zanzibar'], phrases: [], patterns: [] }));
    const blocklist = verdicts.find((verdict) => verdict.category === 'blocklist')!;
    expect(blocklist.spans).toEqual([{ start: 0, end: text.length }]);
  });

  it('does not match blocklist words inside other words', async () => {
    const [verdicts] = await check.run(
      ['a classic assessment'],
      context({ words: ['ass'], phrases: [], patterns: [] }),
    );
    expect(verdicts.filter((verdict) => verdict.category === 'blocklist')).toEqual([]);
  });

  it('joins a word split by spaces where a fragment is a broken-off piece', async () => {
    const text = 'what a bi tch, more co ff ee please';
    const [verdicts] = await check.run([text], context({ words: ['coffee'], phrases: [], patterns: [] }));
    const spans = Object.fromEntries(
      verdicts.map((verdict) => [
        verdict.category,
        verdict.spans!.map((span) => text.slice(span.start, span.end)),
      ]),
    );
    expect(spans).toEqual({ profanity: ['bi tch'], blocklist: ['co ff ee'] });
  });

  it('does not join whole words that happen to spell an entry', async () => {
    const [verdicts] = await check.run(
      ['the pen is mightier, as s follows r, an al dente dish'],
      context({ words: ['anal'], phrases: [], patterns: [] }),
    );
    expect(verdicts).toEqual([]);
  });

  it('reads letter substitutes among fullwidth and invisible characters, spans in the text as given', async () => {
    const text = 'a cup of \uff43\uff10\uff46\uff46\uff13\uff13 or c0\u200bff33 please';
    const [verdicts] = await check.run([text], context({ words: ['coffee'], phrases: [], patterns: [] }));
    expect(verdicts.map((verdict) => verdict.spans!.map((span) => text.slice(span.start, span.end)))).toEqual(
      [['\uff43\uff10\uff46\uff46\uff13\uff13', 'c0\u200bff33']],
    );
  });
});
