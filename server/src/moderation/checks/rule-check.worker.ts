import { parentPort } from 'node:worker_threads';
import { Blocklist, Verdict } from '../moderation.types';
import { lexiconVerdicts } from './lexicon.check';
import { detectPii } from './pii.check';
import { detectPromptInjection } from './prompt-injection.check';
import { RuleCheckName, RuleCheckReply, RuleCheckRequest } from './rule-check-thread';
import { topicalityVerdicts } from './topicality-verdicts';

const CHECKS: Record<
  RuleCheckName,
  (text: string, blocklist: Blocklist, request: RuleCheckRequest) => Verdict[]
> = {
  lexicon: lexiconVerdicts,
  pii: (text) => detectPii(text),
  'prompt-injection': (text) => detectPromptInjection(text),
  topicality: (text, _blocklist, request) =>
    request.topicModel ? topicalityVerdicts(request.topicModel, text) : [],
};

/** Runs in the rule-check thread: long texts and long calls are checked here so the api's event loop keeps answering. */
parentPort!.on('message', (request: RuleCheckRequest) => {
  let reply: RuleCheckReply;
  try {
    const check = CHECKS[request.check];
    reply = {
      id: request.id,
      verdicts: request.texts.map((text) => check(text, request.blocklist, request)),
    };
  } catch (err) {
    reply = { id: request.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply);
});
