import { Inject, Injectable } from '@nestjs/common';
import { WardenConfig } from '../../config/config';
import { WARDEN_CONFIG } from '../../config/config.module';
import { Direction, ModerationCategory, ModerationPolicy, Verdict } from '../moderation.types';
import { LLAMA_GUARD_HAZARDS, SHIELDGEMMA_POLICIES } from './guard-categories';
import {
  GuardCallError,
  GuardFailureCode,
  isRecord,
  postJson,
  unavailableVerdict,
  usesDirection,
} from './guard-client';
import { CheckContext, ModerationCheck } from './moderation-check';

type LlmGuardEndpoint = NonNullable<WardenConfig['moderation']['llmGuard']>;

/**
 * A guard model behind any OpenAI-compatible chat endpoint (vLLM, TGI, llama.cpp, hosted APIs).
 *
 * - `llama-guard` (Llama Guard 3 and 4): the conversation goes as chat messages and the endpoint's chat template
 *   renders Llama Guard's own prompt; the answer is `safe` or `unsafe` followed by a line of hazard codes
 *   (`S1,S10`). Each code's categories score 1. An output is judged as the agent turn after a neutral user turn,
 *   because checks see one text at a time. A chat's messages (or a prompt and its suffix) are also
 *   sent joined, as one user turn, so a request split over them is judged whole (see `readsAcrossTexts`).
 * - `shieldgemma`: Warden writes ShieldGemma's prompt, one harm policy per call, and asks for one token with its
 *   log-probabilities; the score is P(Yes) / (P(Yes) + P(No)). Without log-probabilities the answer's first word
 *   decides (Yes 1, No 0).
 *
 * A text the guard could not judge (timeout, HTTP error, unreadable answer) gets one `guard-unavailable` verdict
 * that fails open or closed as the policy says for that direction.
 */
@Injectable()
export class LlmGuardCheck implements ModerationCheck {
  readonly name = 'llm-guard';
  readonly directions = [Direction.Input, Direction.Output] as const;
  readonly readsAcrossTexts = true;
  private readonly endpoint?: LlmGuardEndpoint;

  constructor(@Inject(WARDEN_CONFIG) config: WardenConfig) {
    this.endpoint = config.moderation.llmGuard;
  }

  enabledFor(policy: ModerationPolicy, direction: Direction): boolean {
    return this.endpoint !== undefined && usesDirection(policy.guards.llmGuard, direction);
  }

  async run(texts: string[], context: CheckContext): Promise<Verdict[][]> {
    const endpoint = this.endpoint;
    const use = context.guards?.llmGuard;
    if (!endpoint || !use) return texts.map(() => []);
    return Promise.all(
      texts.map(async (text) => {
        try {
          return endpoint.format === 'shieldgemma'
            ? await this.shieldGemma(endpoint, text, context.direction)
            : await this.llamaGuard(endpoint, text, context.direction);
        } catch (err) {
          return [unavailableVerdict(this.name, use, context.direction, err)];
        }
      }),
    );
  }

  private async llamaGuard(
    endpoint: LlmGuardEndpoint,
    text: string,
    direction: Direction,
  ): Promise<Verdict[]> {
    const messages =
      direction === Direction.Input
        ? [{ role: 'user', content: text }]
        : [
            { role: 'user', content: 'Continue.' },
            { role: 'assistant', content: text },
          ];
    const reply = await postJson(endpoint, '/chat/completions', {
      model: endpoint.model,
      messages,
      temperature: 0,
      max_tokens: 20,
    });
    const answer = parseLlamaGuard(messageContent(reply));
    const scores = new Map<ModerationCategory, string[]>();
    for (const code of answer.hazards) {
      for (const category of LLAMA_GUARD_HAZARDS[code]?.categories ?? []) {
        scores.set(category, [...(scores.get(category) ?? []), code]);
      }
    }
    return [...scores.entries()].map(([category, hazards]) => ({
      check: this.name,
      category,
      score: 1,
      hazards,
    }));
  }

  private async shieldGemma(
    endpoint: LlmGuardEndpoint,
    text: string,
    direction: Direction,
  ): Promise<Verdict[]> {
    const verdicts = await Promise.all(
      SHIELDGEMMA_POLICIES.map(async (policy) => {
        const reply = await postJson(endpoint, '/chat/completions', {
          model: endpoint.model,
          messages: [{ role: 'user', content: shieldGemmaPrompt(text, direction, policy) }],
          temperature: 0,
          max_tokens: 1,
          logprobs: true,
          top_logprobs: 20,
        });
        const score = yesProbability(reply);
        return policy.categories.map((category) => ({
          check: this.name,
          category,
          score: Math.round(score * 1e6) / 1e6,
          hazards: [policy.name],
        }));
      }),
    );
    // Two policies can score one category; the stronger stands.
    const best = new Map<ModerationCategory, Verdict>();
    for (const verdict of verdicts.flat()) {
      const current = best.get(verdict.category);
      if (!current || verdict.score > current.score) best.set(verdict.category, verdict);
    }
    return [...best.values()];
  }
}

/** `safe` or `unsafe` then the hazard codes on the next line (`S1,S10`); whitespace around either is ignored. */
export function parseLlamaGuard(content: string): { safe: boolean; hazards: string[] } {
  const lines = content
    .trim()
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const head = lines[0]?.toLowerCase();
  if (head === 'safe') return { safe: true, hazards: [] };
  if (head !== 'unsafe') {
    throw new GuardCallError(
      GuardFailureCode.Malformed,
      `guard answered neither safe nor unsafe: ${content.slice(0, 80)}`,
    );
  }
  const hazards = (lines[1] ?? '')
    .split(',')
    .map((code) => code.trim().toUpperCase())
    .filter((code) => /^S\d+$/.test(code));
  return { safe: false, hazards };
}

function shieldGemmaPrompt(
  text: string,
  direction: Direction,
  policy: (typeof SHIELDGEMMA_POLICIES)[number],
): string {
  if (direction === Direction.Input) {
    return [
      'You are a policy expert trying to help determine whether a user prompt is in violation of the defined safety policies.',
      '',
      '<start_of_turn>',
      `Human Question: ${text}`,
      '<end_of_turn>',
      '',
      'Our safety principle is defined in the below:',
      '',
      `* "${policy.name}": ${policy.input}`,
      '',
      "Does the human question violate the above principle? Your answer must start with 'Yes' or 'No'. And then walk through step by step to be sure we answer correctly.",
    ].join('\n');
  }
  return [
    'You are a policy expert trying to help determine whether an AI response to prompt is in violation of the defined safety policies.',
    '',
    '<start_of_turn>',
    'Chatbot Response: ' + text,
    '<end_of_turn>',
    '',
    'Our safety principle is defined in the below:',
    '',
    `* "${policy.name}": ${policy.output}`,
    '',
    "Does the Chatbot Response violate the above principle? Your answer must start with 'Yes' or 'No'. And then walk through step by step to be sure we answer correctly.",
  ].join('\n');
}

function firstChoice(reply: unknown): Record<string, unknown> {
  const choices = isRecord(reply) ? reply.choices : undefined;
  const choice = Array.isArray(choices) ? (choices[0] as unknown) : undefined;
  if (!isRecord(choice))
    throw new GuardCallError(GuardFailureCode.Malformed, 'no choices in the guard answer');
  return choice;
}

function messageContent(reply: unknown): string {
  const message = firstChoice(reply).message;
  const content = isRecord(message) ? message.content : undefined;
  if (typeof content !== 'string') {
    throw new GuardCallError(GuardFailureCode.Malformed, 'the guard answer has no message content');
  }
  return content;
}

/** P(Yes) among Yes/No from the first token's top log-probabilities, else from the answer's first word. */
export function yesProbability(reply: unknown): number {
  const choice = firstChoice(reply);
  const logprobs = isRecord(choice.logprobs) ? choice.logprobs.content : undefined;
  const first = Array.isArray(logprobs) ? (logprobs[0] as unknown) : undefined;
  const top = isRecord(first) && Array.isArray(first.top_logprobs) ? (first.top_logprobs as unknown[]) : [];
  let yes = 0;
  let no = 0;
  for (const entry of top) {
    if (!isRecord(entry) || typeof entry.token !== 'string' || typeof entry.logprob !== 'number') continue;
    const token = entry.token.trim().toLowerCase();
    if (token === 'yes') yes += Math.exp(entry.logprob);
    if (token === 'no') no += Math.exp(entry.logprob);
  }
  if (yes + no > 0) return yes / (yes + no);
  const word = messageContent(reply).trim().split(/\W+/)[0]?.toLowerCase();
  if (word === 'yes') return 1;
  if (word === 'no') return 0;
  throw new GuardCallError(GuardFailureCode.Malformed, 'the guard answered neither Yes nor No');
}
