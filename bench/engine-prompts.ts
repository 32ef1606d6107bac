/**
 * Prompts of the engine benches' 8 concurrent streams. Unlike bench/engine.ts's, their greedy continuations pass the
 * default live policy's output moderation: greedy stories from "Once upon a time" and "Tom and Sue" were ended by it
 * (`content_filter`) when run 8 at a time.
 */
export const STREAM_PROMPTS = [
  'Anna saw a cat',
  'Lily',
  'The sun was hot',
  'Ben had a red',
  'There was a bird',
  'Mom said',
  'One day, a big dog',
  'The little girl',
];
