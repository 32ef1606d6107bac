import type { ItemSentence, ItemToken, ItsFunction, WinkMethods } from 'wink-nlp';

/**
 * The language side of topicality, from wink-nlp and its English model (both npm packages: nothing is fetched at
 * run time). Texts become content terms: words (not numbers or punctuation), stop words dropped, each reduced to
 * its stem ("boiling eggs" → boil, egg), so "How long do I boil an egg" and "boiling eggs for how long" share
 * their terms.
 * The model takes ~100 ms and ~20 MB to load, so it is loaded on first use, in the processes that score topics
 * (required here, not imported at the top, which loaded it in every process and CLI command that imports this).
 */
let nlp: WinkMethods | undefined;

function language(): WinkMethods {
  if (!nlp) {
    // CommonJS packages: require() returns what a default import is bound to.
    const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;
    const model = require('wink-eng-lite-web-model') as typeof import('wink-eng-lite-web-model').default;
    // Sentence boundaries only: stems need no part-of-speech tags, and sentiment and entities are not used.
    nlp = winkNLP(model, ['sbd']);
  }
  return nlp;
}

/** The content terms of a text, sentence by sentence. */
export function sentenceTerms(text: string): string[][] {
  const nlp = language();
  const its = nlp.its;
  // wink-nlp 2.4's typings declare `its.stem` with an argument list `out()` does not accept; it works at run time.
  const stem = its.stem as unknown as ItsFunction<string>;
  const sentences: string[][] = [];
  nlp
    .readDoc(text)
    .sentences()
    .each((sentence: ItemSentence) => {
      const terms: string[] = [];
      sentence.tokens().each((token: ItemToken) => {
        if (token.out(its.type) !== 'word' || token.out(its.stopWordFlag)) return;
        const term = token.out(stem).toLowerCase();
        if (term.length > 1) terms.push(term);
      });
      sentences.push(terms);
    });
  return sentences;
}
