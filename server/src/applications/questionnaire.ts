import { z } from 'zod';
import { questionnaireTopicFields } from '../contracts';

/** The production-review questionnaire a developer fills for each application. */
export enum UseCaseCategory {
  Copywriting = 'copywriting',
  CustomerSupport = 'customer-support',
  Education = 'education',
  Productivity = 'productivity',
  Search = 'search',
  Classification = 'classification',
  Summarization = 'summarization',
  Translation = 'translation',
  Code = 'code',
  CreativeWriting = 'creative-writing',
  Chat = 'chat',
  Health = 'health',
  Legal = 'legal',
  Finance = 'finance',
  Politics = 'politics',
  Other = 'other',
}

/** How open-ended the output is: from a fixed set of answers to free-form text. */
export enum OpenEndedness {
  Constrained = 'constrained',
  Mixed = 'mixed',
  FreeForm = 'free-form',
}

/** Expected end users: internal staff only, < 1,000, < 100,000, or 100,000 and more / the general public. */
export enum AudienceSize {
  Internal = 'internal',
  Small = 'small',
  Medium = 'medium',
  Large = 'large',
}

export const questionnaireSchema = z.object({
  useCaseCategory: z.enum(UseCaseCategory),
  useCaseDescription: z.string().trim().min(20, 'describe the use case in at least 20 characters').max(5000),
  openEndedness: z.enum(OpenEndedness),
  /** Who the end users are. */
  endUsers: z.string().trim().min(3).max(2000),
  audienceSize: z.enum(AudienceSize),
  /** Whether a person reviews outputs before they reach end users. */
  humanInTheLoop: z.boolean(),
  /** Whether end users sign in before they reach the API through the application. */
  endUserAuthentication: z.boolean(),
  /** How misuse will be detected and handled. */
  misuseHandling: z
    .string()
    .trim()
    .min(20, 'describe misuse detection and handling in at least 20 characters')
    .max(5000),
  /** Intended prompt length, in tokens. */
  inputLength: z.number().int().min(1).max(1_000_000),
  /** Intended completion length, in tokens. */
  outputLength: z.number().int().min(1).max(1_000_000),
  /** Expected requests per day. */
  expectedVolume: z.number().int().min(0).max(1_000_000_000),
  /** Example prompts, allowed and forbidden topics: what the application's topic model is built from on approval. */
  ...questionnaireTopicFields,
});

export type Questionnaire = z.infer<typeof questionnaireSchema>;
