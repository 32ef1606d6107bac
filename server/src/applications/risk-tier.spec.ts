import { AudienceSize, OpenEndedness, Questionnaire, UseCaseCategory } from '../contracts';
import { assessRisk, RiskTier } from './risk-tier';

function questionnaire(overrides: Partial<Questionnaire> = {}): Questionnaire {
  return {
    useCaseCategory: UseCaseCategory.Classification,
    useCaseDescription: 'Routes incoming support tickets to the right team.',
    openEndedness: OpenEndedness.Constrained,
    endUsers: 'Our support agents',
    audienceSize: AudienceSize.Internal,
    humanInTheLoop: true,
    endUserAuthentication: true,
    misuseHandling: 'Agents report wrong routings; we review the log weekly.',
    inputLength: 300,
    outputLength: 5,
    expectedVolume: 2000,
    ...overrides,
  };
}

describe('assessRisk', () => {
  it('rates a constrained, internal, supervised application low and says why', () => {
    const risk = assessRisk(questionnaire());
    expect(risk.tier).toBe(RiskTier.Low);
    expect(risk.score).toBe(0);
    expect(risk.reasons).toEqual([expect.stringMatching(/^No risk factors/)]);
  });

  it('rates free-form generation to unauthenticated users at large scale high, whatever else', () => {
    const risk = assessRisk(
      questionnaire({
        openEndedness: OpenEndedness.FreeForm,
        endUserAuthentication: false,
        audienceSize: AudienceSize.Large,
      }),
    );
    expect(risk.tier).toBe(RiskTier.High);
    expect(risk.score).toBe(6);
    expect(risk.reasons).toEqual([
      'Free-form generation: outputs are open-ended (+2)',
      'End users are not authenticated (+2)',
      'Large or public audience (100,000 end users or more) (+2)',
      'Free-form generation for unauthenticated end users at large scale is always high risk',
    ]);
  });

  it('keeps six points without that combination at medium', () => {
    const risk = assessRisk(
      questionnaire({
        useCaseCategory: UseCaseCategory.Health,
        openEndedness: OpenEndedness.FreeForm,
        humanInTheLoop: false,
        audienceSize: AudienceSize.Medium,
      }),
    );
    expect(risk.score).toBe(6);
    expect(risk.tier).toBe(RiskTier.Medium);
  });

  it('rates medium from three points', () => {
    expect(
      assessRisk(questionnaire({ openEndedness: OpenEndedness.FreeForm, humanInTheLoop: false })).tier,
    ).toBe(RiskTier.Medium);
    expect(assessRisk(questionnaire({ openEndedness: OpenEndedness.FreeForm })).tier).toBe(RiskTier.Low);
  });

  it('counts sensitive domains, long outputs and high volume', () => {
    const risk = assessRisk(
      questionnaire({
        useCaseCategory: UseCaseCategory.Health,
        outputLength: 1000,
        expectedVolume: 500_000,
        audienceSize: AudienceSize.Medium,
      }),
    );
    expect(risk.score).toBe(5);
    expect(risk.tier).toBe(RiskTier.Medium);
    expect(risk.reasons).toEqual([
      'Medium audience (1,000 to 100,000 end users) (+1)',
      'Sensitive domain: health (+2)',
      'Long outputs (more than 512 tokens) (+1)',
      'High volume (more than 100,000 requests a day) (+1)',
    ]);
  });

  it('rates high from seven points without the combination', () => {
    const risk = assessRisk(
      questionnaire({
        useCaseCategory: UseCaseCategory.Legal,
        openEndedness: OpenEndedness.FreeForm,
        humanInTheLoop: false,
        outputLength: 900,
        expectedVolume: 200_000,
      }),
    );
    expect(risk.score).toBe(7);
    expect(risk.tier).toBe(RiskTier.High);
  });
});
