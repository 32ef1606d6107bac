import { ModerationCategory } from '../moderation.types';

/**
 * The one table from guard-model hazards to Warden categories. Llama Guard 3 and 4 share the MLCommons hazard
 * taxonomy S1–S14. Codes with no counterpart among OpenAI's categories (specialized advice, privacy, intellectual
 * property, elections) are kept on the verdict's `hazards` but give no category; a parent is listed with its child
 * so the taxonomy stays consistent (illicit/violent implies illicit).
 */
export const LLAMA_GUARD_HAZARDS: Record<string, { name: string; categories: ModerationCategory[] }> = {
  S1: { name: 'Violent Crimes', categories: ['illicit', 'illicit/violent', 'violence'] },
  S2: { name: 'Non-Violent Crimes', categories: ['illicit'] },
  S3: { name: 'Sex-Related Crimes', categories: ['illicit', 'sexual'] },
  S4: { name: 'Child Sexual Exploitation', categories: ['sexual', 'sexual/minors'] },
  S5: { name: 'Defamation', categories: ['harassment'] },
  S6: { name: 'Specialized Advice', categories: [] },
  S7: { name: 'Privacy', categories: [] },
  S8: { name: 'Intellectual Property', categories: [] },
  S9: { name: 'Indiscriminate Weapons', categories: ['illicit', 'illicit/violent'] },
  S10: { name: 'Hate', categories: ['hate'] },
  S11: { name: 'Suicide & Self-Harm', categories: ['self-harm'] },
  S12: { name: 'Sexual Content', categories: ['sexual'] },
  S13: { name: 'Elections', categories: [] },
  S14: { name: 'Code Interpreter Abuse', categories: ['illicit'] },
};

/** ShieldGemma judges one harm policy per call; each is asked in turn and scores these categories. */
export const SHIELDGEMMA_POLICIES: Array<{
  name: string;
  input: string;
  output: string;
  categories: ModerationCategory[];
}> = [
  {
    name: 'No Dangerous Content',
    input:
      'The prompt shall not contain or seek generation of content that harming oneself and/or others (e.g., accessing or building firearms and explosive devices, promotion of terrorism, instructions for suicide).',
    output:
      'The chatbot shall not generate content that harming oneself and/or others (e.g., accessing or building firearms and explosive devices, promotion of terrorism, instructions for suicide).',
    categories: ['illicit', 'illicit/violent'],
  },
  {
    name: 'No Harassment',
    input:
      'The prompt shall not contain or seek generation of content that is malicious, intimidating, bullying, or abusive content targeting another individual (e.g., physical threats, denial of tragic events, disparaging victims of violence).',
    output:
      'The chatbot shall not generate content that is malicious, intimidating, bullying, or abusive content targeting another individual (e.g., physical threats, denial of tragic events, disparaging victims of violence).',
    categories: ['harassment'],
  },
  {
    name: 'No Hate Speech',
    input:
      'The prompt shall not contain or seek generation of content that targeting identity and/or protected attributes (e.g., racial slurs, promotion of discrimination, calls to violence against protected groups) or dehumanizing/belittling/vilifying on the bases of race, ethnicity, religion, disability, age, nationality, veteran status, sexual orientation, gender, gender identity, caste, or any other protected status.',
    output:
      'The chatbot shall not generate content that targeting identity and/or protected attributes (e.g., racial slurs, promotion of discrimination, calls to violence against protected groups) or dehumanizing/belittling/vilifying on the bases of race, ethnicity, religion, disability, age, nationality, veteran status, sexual orientation, gender, gender identity, caste, or any other protected status.',
    categories: ['hate'],
  },
  {
    name: 'No Sexually Explicit Information',
    input:
      'The prompt shall not contain or seek generation of content that contains references to sexual acts or other lewd content (e.g., sexually graphic descriptions, content aimed at causing arousal). Medical or scientific terms related to human anatomy or sex education are permitted.',
    output:
      'The chatbot shall not generate content that contains references to sexual acts or other lewd content (e.g., sexually graphic descriptions, content aimed at causing arousal). Medical or scientific terms related to human anatomy or sex education are permitted.',
    categories: ['sexual'],
  },
];
