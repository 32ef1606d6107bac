import { Topics } from '../contracts';
import { sentenceTerms } from './topic-terms';

/** Term → weight, L2-normalized. */
export type TermVector = Record<string, number>;

/**
 * An application's topic model: TF-IDF vectors of what it may be asked (each example prompt and each allowed topic)
 * and of what it must not be (each forbidden topic), over one vocabulary. Stored as JSON (topic_models.model).
 */
export interface TopicModel {
  version: 1;
  /** Inverse document frequency of every term the topics use. */
  idf: Record<string, number>;
  /** The weight of a term no topic uses: the rarest there is, so unknown words dilute a prompt's similarity. */
  unseenIdf: number;
  allowed: TermVector[];
  forbidden: TermVector[];
}

export interface TopicalityScore {
  /** Off-topic score in [0, 1]; see scoreTopicality. */
  score: number;
  /** Best cosine similarity of a judged part of the text to an allowed document. */
  allowed: number;
  /** Best cosine similarity of that part to a forbidden topic. */
  forbidden: number;
}

/** Builds the model from an application's topics; linear in their size (see bench/topicality.ts). */
export function buildTopicModel(topics: Topics): TopicModel {
  const terms = (text: string) => sentenceTerms(text).flat();
  const allowedDocs = [...topics.examplePrompts, ...topics.allowedTopics].map(terms);
  const forbiddenDocs = topics.forbiddenTopics.map(terms);
  const documents = [...allowedDocs, ...forbiddenDocs];
  const frequency = new Map<string, number>();
  for (const document of documents) {
    for (const term of new Set(document)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  }
  // Smoothed IDF (as scikit-learn's): ln((1 + N) / (1 + df)) + 1, so a term in every document still counts.
  const n = documents.length;
  const idf = Object.fromEntries(
    [...frequency.entries()].map(([term, df]) => [term, Math.log((1 + n) / (1 + df)) + 1]),
  );
  const model: TopicModel = {
    version: 1,
    idf,
    unseenIdf: Math.log(1 + n) + 1,
    allowed: [],
    forbidden: [],
  };
  model.allowed = allowedDocs.map((document) => vectorize(model, document)).filter(nonEmpty);
  model.forbidden = forbiddenDocs.map((document) => vectorize(model, document)).filter(nonEmpty);
  return model;
}

/**
 * How far off the application's topics a text is, in [0, 1]. Each judged part (the whole text, and each of its
 * sentences when it has several) gets `0.5 + (F − A) / 2`, where A is its best cosine similarity to an example prompt
 * or allowed topic and F its best similarity to a forbidden topic. So:
 *   - near 0: close to what the application was approved for, nothing forbidden;
 *   - 0.5: nothing in common with the approved topics nor the forbidden ones (the default threshold, 0.5, counts
 *     that as off topic: the application was approved for its topics, not for anything);
 *   - near 1: a forbidden topic, nothing allowed.
 * The text scores the worst of its parts that share a term with the topics, so one on-topic sentence does not
 * carry a forbidden request smuggled into the next. A text too short to say anything about (fewer than
 * MIN_UNKNOWN_TERMS content words, none of them in the topics: "Hi!", "thanks", "42") is not judged: null, and the
 * check gives no verdict.
 */
export function scoreTopicality(model: TopicModel, text: string): TopicalityScore | null {
  const sentences = sentenceTerms(text).filter((terms) => terms.length > 0);
  if (sentences.length === 0) return null;
  // The whole text first: it decides whether a text without evidence is long enough to judge.
  const parts = sentences.length > 1 ? [sentences.flat(), ...sentences] : sentences;
  let worst: TopicalityScore | null = null;
  for (const part of parts) {
    const vector = vectorize(model, part);
    const allowed = bestSimilarity(vector, model.allowed);
    const forbidden = bestSimilarity(vector, model.forbidden);
    if (allowed === 0 && forbidden === 0) continue;
    const score = round(0.5 + (forbidden - allowed) / 2);
    if (!worst || score > worst.score)
      worst = { score, allowed: round(allowed), forbidden: round(forbidden) };
  }
  if (worst) return worst;
  return parts[0].length >= MIN_UNKNOWN_TERMS ? { score: 0.5, allowed: 0, forbidden: 0 } : null;
}

/** Content words a text must have to be judged when none of them is in the topics. */
export const MIN_UNKNOWN_TERMS = 3;

function vectorize(model: TopicModel, terms: string[]): TermVector {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  const weights: TermVector = Object.create(null) as TermVector;
  let norm = 0;
  for (const [term, count] of counts) {
    // Sublinear term frequency: a word repeated ten times is not ten times the evidence.
    const weight =
      (1 + Math.log(count)) * (Object.hasOwn(model.idf, term) ? model.idf[term] : model.unseenIdf);
    weights[term] = weight;
    norm += weight * weight;
  }
  norm = Math.sqrt(norm);
  for (const term of Object.keys(weights)) weights[term] /= norm;
  return weights;
}

function bestSimilarity(vector: TermVector, documents: TermVector[]): number {
  let best = 0;
  for (const document of documents) {
    let dot = 0;
    for (const term of Object.keys(document)) {
      if (Object.hasOwn(vector, term)) dot += vector[term] * document[term];
    }
    if (dot > best) best = dot;
  }
  return Math.min(1, best);
}

function nonEmpty(vector: TermVector): boolean {
  return Object.keys(vector).length > 0;
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
