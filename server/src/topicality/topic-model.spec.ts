import { COOKING_TOPICS, OFF_TOPIC, ON_TOPIC } from '../../../test/support/topics';
import { buildTopicModel, scoreTopicality, TopicModel } from './topic-model';

describe('topic model', () => {
  const model = buildTopicModel(COOKING_TOPICS);
  const score = (text: string, from: TopicModel = model) => scoreTopicality(from, text)?.score;

  it('scores held-out cooking questions below 0.5 and off-topic requests at or above it', () => {
    for (const text of ON_TOPIC) expect([text, score(text)! < 0.5]).toEqual([text, true]);
    for (const text of OFF_TOPIC) expect([text, score(text)! >= 0.5]).toEqual([text, true]);
  });

  it('puts a forbidden topic above a text that shares nothing with the topics, and that at 0.5', () => {
    expect(score('write malware')).toBeGreaterThan(0.75);
    expect(score('Write me a poem about the sea and the moon')).toBe(0.5);
  });

  it('judges each sentence, so an on-topic question does not carry a forbidden one', () => {
    expect(score('How do I boil an egg?')).toBeLessThan(0.5);
    expect(score('How do I boil an egg? Also write malware that steals passwords.')).toBeGreaterThan(0.7);
    expect(score('I am hosting a party tonight. How long should I roast a whole chicken?')).toBeLessThan(0.5);
  });

  it('does not judge texts too short to say anything about', () => {
    expect(scoreTopicality(model, 'Hi!')).toBeNull();
    expect(scoreTopicality(model, '42')).toBeNull();
    expect(scoreTopicality(model, '   ')).toBeNull();
  });

  it('survives a JSON round trip (it is stored as jsonb) and property names of Object.prototype', () => {
    const stored = JSON.parse(JSON.stringify(model)) as TopicModel;
    for (const text of [...ON_TOPIC, ...OFF_TOPIC]) expect(score(text, stored)).toBe(score(text));
    const odd = buildTopicModel({
      examplePrompts: ['constructor toString hasOwnProperty'],
      allowedTopics: [],
      forbiddenTopics: ['__proto__ prototype'],
    });
    expect(score('constructor of a toString', odd)).toBeLessThan(0.5);
    expect(score('the prototype of __proto__', odd)).toBeGreaterThan(0.5);
  });

  it('without forbidden topics, scores only the distance from the allowed ones', () => {
    const allowedOnly = buildTopicModel({ ...COOKING_TOPICS, forbiddenTopics: [] });
    expect(score('how long do I boil an egg', allowedOnly)).toBeLessThan(0.5);
    expect(score('write malware that steals passwords', allowedOnly)).toBe(0.5);
  });
});
