import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { TopicModel } from '../../topicality/topic-model';
import { Blocklist, Verdict } from '../moderation.types';

/** The rule checks that can run in the rule-check thread, by the name their verdicts carry. */
export type RuleCheckName = 'lexicon' | 'pii' | 'prompt-injection' | 'topicality';

export interface RuleCheckRequest {
  id: number;
  check: RuleCheckName;
  texts: string[];
  blocklist: Blocklist;
  /** The application's topic model, for the topicality check. */
  topicModel?: TopicModel;
}

/** The verdicts of each text of the request, in its order. */
export type RuleCheckReply = { id: number; verdicts: Verdict[][] } | { id: number; error: string };

/**
 * A call whose texts come to at least this many characters is checked off the event loop. Every rule check is
 * linear, but a prompt of hundreds of kilobytes, or a `/v1/moderations` call of a thousand short texts, still costs
 * tens to hundreds of milliseconds per check, which no other request should wait for; shorter calls stay inline,
 * where the hand-off would cost more than the check.
 */
export const OFF_THREAD_CHARS = 8192;

interface Waiting {
  resolve: (verdicts: Verdict[][]) => void;
  reject: (err: Error) => void;
}

/** One worker thread shared by the rule checks of this process, started on first use. */
class RuleCheckThread {
  private worker?: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;

  run(
    check: RuleCheckName,
    texts: string[],
    blocklist: Blocklist,
    topicModel?: TopicModel,
  ): Promise<Verdict[][]> {
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      if (this.waiting.size === 1) worker.ref();
      worker.postMessage({ id, check, texts, blocklist, topicModel } satisfies RuleCheckRequest);
    });
  }

  private spawn(): Worker {
    const worker = new Worker(path.join(__dirname, 'rule-check.worker.js'));
    worker.unref(); // an idle check thread never keeps the process alive
    worker.on('message', (reply: RuleCheckReply) => {
      const waiting = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) worker.unref();
      if ('verdicts' in reply) waiting?.resolve(reply.verdicts);
      else waiting?.reject(new Error(reply.error));
    });
    const fail = (err: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const waiting of this.waiting.values()) waiting.reject(err);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`rule-check thread exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}

const thread = new RuleCheckThread();

/**
 * Runs a rule check on each text: inline when the call is short, else in the rule-check thread, sent in parts of about
 * OFF_THREAD_CHARS (one message per text would cost a thousand-text call more in hand-offs than the checks it moves;
 * one message for the whole call would hold every other call's long text behind it).
 */
export async function runRuleCheck(
  check: RuleCheckName,
  texts: string[],
  blocklist: Blocklist,
  inline: (text: string, blocklist: Blocklist) => Verdict[],
  topicModel?: TopicModel,
): Promise<Verdict[][]> {
  const callChars = texts.reduce((sum, text) => sum + text.length, 0);
  if (callChars < OFF_THREAD_CHARS) return texts.map((text) => inline(text, blocklist));
  const parts: string[][] = [];
  let partChars = OFF_THREAD_CHARS;
  for (const text of texts) {
    if (partChars >= OFF_THREAD_CHARS) {
      parts.push([]);
      partChars = 0;
    }
    parts[parts.length - 1].push(text);
    partChars += text.length;
  }
  const replies = await Promise.all(parts.map((part) => thread.run(check, part, blocklist, topicModel)));
  return replies.flat();
}
