import { CompletionLogprobs, FinishReason } from '../model-provider';
import { FinishCause, PromptLogprobs } from './batch-scheduler';
import { TopCandidates } from './sampler';
import { StopSequenceMatcher } from './stop-sequences';
import { TokenStreamDecoder } from './text-decoder';

/** A prompt as generation sees it, decoded once and shared by its candidates. */
export interface PromptText {
  ids: number[];
  text: string;
  /** What each prompt token adds to `text` (its own name when it adds nothing, like `<s>`). */
  tokens: string[];
  offsets: number[];
}

export interface ChoiceDelta {
  text: string;
  logprobs: CompletionLogprobs | null;
  finishReason: FinishReason | null;
}

export interface ChoiceOptions {
  prompt: PromptText;
  decoder: TokenStreamDecoder;
  tokenText: (id: number) => string;
  stop: readonly string[];
  /** OpenAI's `logprobs`: null for none. */
  logprobs: number | null;
  eosTokenIds: ReadonlySet<number>;
}

interface PendingToken {
  text: string;
  logprob: number;
  top: Record<string, number> | null;
  /** Where the token's text starts in the generated text. */
  offset: number;
}

/**
 * One choice of a completion, built token by token: text in the order it becomes valid UTF-8, cut at a stop
 * sequence, and the logprobs of exactly the tokens whose text was shown. `text_offset` counts from the start of the
 * prompt, as OpenAI's does.
 */
export class ChoiceBuilder {
  finishReason: FinishReason | null = null;
  /** A stop sequence ended the choice: the caller should stop generating it. */
  stopped = false;
  /** Tokens generated for this choice until it ended (the end-of-text token included). */
  tokensConsumed = 0;
  private text = '';
  private logprobSum = 0;
  private logprobCount = 0;
  private decodedLength = 0;
  private readonly stop: StopSequenceMatcher;
  private readonly pending: PendingToken[] = [];
  private readonly collected: CompletionLogprobs | null;

  constructor(private readonly options: ChoiceOptions) {
    this.stop = new StopSequenceMatcher(options.stop);
    this.collected = options.logprobs === null ? null : emptyLogprobs();
  }

  get ended(): boolean {
    return this.finishReason !== null;
  }

  get meanLogprob(): number {
    return this.logprobCount === 0 ? Number.NaN : this.logprobSum / this.logprobCount;
  }

  /** The full text so far (without the echoed prompt). */
  get generatedText(): string {
    return this.text;
  }

  /** The logprobs of the whole choice (echoed prompt included), for a non-streamed answer. */
  get logprobs(): CompletionLogprobs | null {
    return this.collected;
  }

  /** The echoed prompt, with its logprobs when they were asked for. */
  echo(promptLogprobs: PromptLogprobs | null): ChoiceDelta {
    const { prompt } = this.options;
    let logprobs: CompletionLogprobs | null = null;
    if (this.options.logprobs !== null) {
      logprobs = {
        tokens: [...prompt.tokens],
        token_logprobs: prompt.ids.map((_, i) => promptLogprobs?.logprobs[i] ?? null),
        top_logprobs: prompt.ids.map((_, i) => {
          const top = promptLogprobs?.top[i];
          return top ? this.topDictionary(top, prompt.ids[i], prompt.tokens[i]) : null;
        }),
        text_offset: [...prompt.offsets],
      };
      appendLogprobs(this.collected!, logprobs);
    }
    return { text: prompt.text, logprobs, finishReason: null };
  }

  token(id: number, logprob: number, top: TopCandidates | null): ChoiceDelta | null {
    if (this.ended) {
      return null;
    }
    this.tokensConsumed++;
    if (!Number.isNaN(logprob)) {
      this.logprobSum += logprob;
      this.logprobCount++;
    }
    if (this.options.eosTokenIds.has(id)) {
      return null;
    }
    const piece = this.options.decoder.push(id);
    if (this.options.logprobs !== null) {
      const text = piece || this.options.tokenText(id);
      this.pending.push({
        text,
        logprob,
        top: top ? this.topDictionary(top, id, text) : null,
        offset: this.decodedLength,
      });
    }
    this.decodedLength += piece.length;
    return this.show(this.stop.push(piece));
  }

  finish(cause: FinishCause): ChoiceDelta {
    if (this.ended) {
      return { text: '', logprobs: null, finishReason: this.finishReason };
    }
    const tail = this.options.decoder.finish();
    this.decodedLength += tail.length;
    const shown = this.show(this.stop.push(tail));
    if (this.ended) {
      return shown;
    }
    const rest = this.stop.flush();
    this.text += rest;
    this.finishReason = cause === 'length' ? 'length' : 'stop';
    return {
      text: shown.text + rest,
      logprobs: concatLogprobs(shown.logprobs, this.release(Infinity)),
      finishReason: this.finishReason,
    };
  }

  private show({ emit, stopped }: { emit: string; stopped: boolean }): ChoiceDelta {
    this.text += emit;
    const released = this.release(this.text.length);
    if (stopped) {
      this.stopped = true;
      this.finishReason = 'stop';
      this.pending.length = 0;
    }
    return { text: emit, logprobs: released, finishReason: stopped ? 'stop' : null };
  }

  /** Logprobs of the pending tokens whose text starts before `shownLength`. */
  private release(shownLength: number): CompletionLogprobs | null {
    if (this.options.logprobs === null) {
      return null;
    }
    let count = 0;
    while (count < this.pending.length && this.pending[count].offset < shownLength) {
      count++;
    }
    const base = this.options.prompt.text.length;
    const tokens = this.pending.splice(0, count);
    const logprobs: CompletionLogprobs = {
      tokens: tokens.map((token) => token.text),
      token_logprobs: tokens.map((token) => token.logprob),
      top_logprobs: tokens.map((token) => token.top),
      text_offset: tokens.map((token) => base + token.offset),
    };
    appendLogprobs(this.collected!, logprobs);
    return logprobs;
  }

  /** The chosen token is listed under the same text as in `tokens`, so the two always agree. */
  private topDictionary(top: TopCandidates, chosen: number, chosenText: string): Record<string, number> {
    const dictionary: Record<string, number> = {};
    top.ids.forEach((id, i) => {
      const text = id === chosen ? chosenText : this.options.tokenText(id);
      if (!(text in dictionary)) {
        dictionary[text] = top.logprobs[i];
      }
    });
    return dictionary;
  }
}

export function emptyLogprobs(): CompletionLogprobs {
  return { tokens: [], token_logprobs: [], top_logprobs: [], text_offset: [] };
}

export function appendLogprobs(target: CompletionLogprobs, more: CompletionLogprobs): void {
  target.tokens.push(...more.tokens);
  target.token_logprobs.push(...more.token_logprobs);
  target.top_logprobs.push(...more.top_logprobs);
  target.text_offset.push(...more.text_offset);
}

export function concatLogprobs(
  a: CompletionLogprobs | null,
  b: CompletionLogprobs | null,
): CompletionLogprobs | null {
  if (!a || !b) {
    return a ?? b;
  }
  const merged = emptyLogprobs();
  appendLogprobs(merged, a);
  appendLogprobs(merged, b);
  return merged;
}
