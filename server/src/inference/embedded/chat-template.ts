import { CommonErrorCode } from '../../common/errors';
import { Template } from '@huggingface/jinja';
import { InferenceRequestError } from '../inference.errors';
import { ChatMessage } from '../model-provider';

/** The parts of tokenizer_config.json a chat template reads. */
export interface ChatTemplateConfig {
  chat_template?: string | Array<{ name: string; template: string }> | null;
  bos_token?: string | { content: string } | null;
  eos_token?: string | { content: string } | null;
  add_bos_token?: boolean;
}

/**
 * For models whose tokenizer_config.json has no `chat_template` (base models such as stories260K): a plain
 * transcript. The system and developer prompts come first as a paragraph, each turn is `User:` / `Assistant:` on
 * its own line, and the prompt ends with `Assistant:` so the model continues as the assistant. Earlier assistant
 * turns end with the end-of-sequence token, as a model trained on such transcripts would have seen them.
 */
export const DEFAULT_CHAT_TEMPLATE = [
  '{% for message in messages %}',
  "{% if message.role == 'system' or message.role == 'developer' %}{{ message.content + '\\n\\n' }}",
  "{% elif message.role == 'user' %}{{ 'User: ' + message.content + '\\n' }}",
  "{% elif message.role == 'assistant' %}{{ 'Assistant: ' + message.content + eos_token + '\\n' }}",
  '{% endif %}',
  '{% endfor %}',
  "{% if add_generation_prompt %}{{ 'Assistant:' }}{% endif %}",
].join('');

/** A model's chat template, compiled once at load time (a template that does not parse stops start-up). */
export class ChatTemplate {
  private constructor(
    private readonly template: Template,
    private readonly bosToken: string,
    private readonly eosToken: string,
    /** The tokenizer adds the start token itself, so a template's leading one would be doubled. */
    private readonly tokenizerAddsBos: boolean,
    private readonly specialTokens: string[],
    readonly isDefault: boolean,
  ) {}

  /** `specialTokens`: the texts the tokenizer turns into special tokens (tokenizer.json's special added tokens). */
  static fromConfig(config: ChatTemplateConfig, specialTokens: string[] = []): ChatTemplate {
    const source = templateSource(config.chat_template);
    return new ChatTemplate(
      new Template(source ?? DEFAULT_CHAT_TEMPLATE),
      tokenText(config.bos_token),
      tokenText(config.eos_token),
      config.add_bos_token ?? false,
      specialTokens.filter((token) => token.length > 0),
      source === null,
    );
  }

  /**
   * The prompt the model continues: every message, then the start of the assistant's turn. The rendered prompt
   * is tokenized as a whole, so a message spelling a special token (`</s>`, `<|im_start|>`) would end its turn and
   * open another, of any role, unmoderated as such: such a message is refused.
   */
  render(messages: ChatMessage[]): string {
    return this.renderWith(messages, true);
  }

  /**
   * A chat fine-tuning example as the model will meet it on the chat route: the prompt is exactly `render` of the
   * turns before the last (assistant) message, the completion what the template writes for that message after it,
   * cut at the end-of-sequence token (the trainer appends the token itself). A template that renders the answer
   * differently from its generation prompt falls back to the message's content.
   */
  renderTrainingExample(messages: ChatMessage[]): { prompt: string; completion: string } {
    const answer = messages[messages.length - 1];
    const prompt = this.render(messages.slice(0, -1));
    const whole = this.renderWith(messages, false);
    if (!whole.startsWith(prompt)) {
      return { prompt, completion: answer.content };
    }
    const written = whole.slice(prompt.length);
    const end = this.eosToken ? written.lastIndexOf(this.eosToken) : -1;
    return { prompt, completion: end >= 0 ? written.slice(0, end) : written };
  }

  private renderWith(messages: ChatMessage[], addGenerationPrompt: boolean): string {
    messages.forEach((message, index) => {
      const token = this.specialTokens.find((special) => message.content.includes(special));
      if (token !== undefined) {
        throw new InferenceRequestError(
          CommonErrorCode.InvalidValue,
          `Message ${index} contains \`${token}\`, a special token of this model; messages may not contain the model's control tokens.`,
          `messages.${index}.content`,
        );
      }
    });
    const rendered = this.template.render({
      messages: messages.map((message) => ({ role: message.role, content: message.content })),
      add_generation_prompt: addGenerationPrompt,
      bos_token: this.bosToken,
      eos_token: this.eosToken,
    });
    return this.tokenizerAddsBos && this.bosToken && rendered.startsWith(this.bosToken)
      ? rendered.slice(this.bosToken.length)
      : rendered;
  }
}

function templateSource(template: ChatTemplateConfig['chat_template']): string | null {
  if (typeof template === 'string') return template;
  if (Array.isArray(template)) {
    return template.find((entry) => entry.name === 'default')?.template ?? template[0]?.template ?? null;
  }
  return null;
}

function tokenText(token: ChatTemplateConfig['bos_token']): string {
  if (typeof token === 'string') return token;
  return token?.content ?? '';
}
