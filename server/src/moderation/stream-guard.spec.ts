import { decide } from './moderation.service';
import { Direction, ModerationAction } from './moderation.types';
import { StreamGuard } from './stream-guard';

/** A moderator that blocks any window containing "forbidden" and redacts "secret". */
const moderate = async (text: string) => {
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

async function feed(guard: StreamGuard, pieces: string[]): Promise<{ sent: string; blocked: boolean }> {
  let sent = '';
  for (const piece of pieces) {
    const step = await guard.push(piece);
    sent += step.text;
    if (step.blocked) return { sent, blocked: true };
  }
  const last = await guard.finish();
  return { sent: sent + last.text, blocked: last.blocked };
}

describe('stream guard', () => {
  it('passes clean text through unchanged, whatever the chunking', async () => {
    const text = 'The quick brown fox jumps over the lazy dog. '.repeat(5);
    const result = await feed(new StreamGuard(moderate, 16), text.split(/(?= )/));
    expect(result).toEqual({ sent: text, blocked: false });
  });

  it('never sends any part of a banned word split across chunks', async () => {
    const pieces = [
      ...'a long and harmless opening sentence that goes on for a while '.split(/(?= )/),
      ' forb',
      'idden',
      ' words follow',
    ];
    const result = await feed(new StreamGuard(moderate, 16), pieces);
    expect(result.blocked).toBe(true);
    expect(result.sent).not.toMatch(/forb|idden/);
    expect(result.sent.length).toBeGreaterThan(0);
  });

  it('redacts a span without splitting it between releases', async () => {
    const pieces = 'here is some padding text and then the sec'
      .split(/(?= )/)
      .concat(['ret', ' value ends here soon enough']);
    const result = await feed(new StreamGuard(moderate, 8), pieces);
    expect(result.blocked).toBe(false);
    expect(result.sent).toBe(
      'here is some padding text and then the [REDACTED:pii/secret] value ends here soon enough',
    );
  });
});
