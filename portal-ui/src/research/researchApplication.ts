import { researchApplySchema, type ResearchQuestionnaire } from '@warden/contracts';
import { lines, schemaErrors } from '../common/form';

export interface ResearchApplicationInput {
  name: string;
  questionnaire: ResearchQuestionnaire;
}

/** The form's values as the server takes them: harms without blank lines, no ethics reference as null. */
export function toResearchApplication(values: Partial<ResearchApplicationInput>): ResearchApplicationInput {
  const questionnaire = { ...values.questionnaire } as Partial<ResearchQuestionnaire>;
  return {
    name: values.name ?? '',
    questionnaire: {
      ...questionnaire,
      harmsStudied: lines(questionnaire.harmsStudied),
      ethicsApprovalReference: questionnaire.ethicsApprovalReference?.trim() || null,
    } as ResearchQuestionnaire,
  };
}

/** Form-level validation with the schema the server parses the application with (contracts). */
export const validateResearchApplication = (values: Partial<ResearchApplicationInput>) =>
  schemaErrors(researchApplySchema, toResearchApplication(values));
