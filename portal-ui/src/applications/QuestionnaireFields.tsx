import { Box, Divider, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { NumberInput, RadioButtonGroupInput, SelectInput, TextInput } from 'react-admin';
import { formatLines, formatYesNo, parseLines, parseYesNo, YES_NO_CHOICES } from '../common/form';
import { AUDIENCE_CHOICES, OPEN_ENDEDNESS_CHOICES, USE_CASE_CHOICES } from './questionnaire';

const Section = ({ title, intro, children }: { title: string; intro: string; children: ReactNode }) => (
  <Box sx={{ width: '100%', maxWidth: 760, mb: 1 }}>
    <Typography variant="h6" sx={{ fontSize: 17, fontWeight: 600, mt: 1 }}>
      {title}
    </Typography>
    <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
      {intro}
    </Typography>
    {children}
    <Divider sx={{ mt: 1 }} />
  </Box>
);

const Pair = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 }}>
    {children}
  </Box>
);

const YesNo = ({ source, label, helperText }: { source: string; label: string; helperText: string }) => (
  <RadioButtonGroupInput
    source={source}
    label={label}
    helperText={helperText}
    choices={YES_NO_CHOICES}
    format={formatYesNo}
    parse={parseYesNo}
    isRequired
  />
);

const q = (field: string) => `questionnaire.${field}`;

/**
 * The production-review questionnaire: what reviewers read, and what sets the application's risk tier (and with
 * it how closely it is reviewed and which limits and filters apply). Validation is form-wide (questionnaire.ts).
 */
export const QuestionnaireFields = () => (
  <>
    <Section title="Your application" intro="What you are building. Reviewers read this first.">
      <TextInput
        source="name"
        label="Application name"
        helperText="The name your users know it by, e.g. “Essay Coach”."
        isRequired
      />
      <SelectInput
        source={q('useCaseCategory')}
        label="Use-case category"
        choices={USE_CASE_CHOICES}
        helperText="The closest match. Health, legal, finance and politics are sensitive domains and reviewed more closely."
        isRequired
      />
      <TextInput
        source={q('useCaseDescription')}
        label="Use-case description"
        helperText="What the application does with the model, for whom, and what a typical request and answer look like (20 characters or more)."
        multiline
        minRows={3}
        isRequired
      />
    </Section>

    <Section title="End users" intro="Who reaches the model through your application.">
      <TextInput
        source={q('endUsers')}
        label="Who are your end users?"
        helperText="E.g. “support agents at our company”, “students aged 16 and over at partner schools”."
        isRequired
      />
      <RadioButtonGroupInput
        source={q('audienceSize')}
        label="How many end users do you expect?"
        choices={AUDIENCE_CHOICES}
        row={false}
        helperText="A larger or public audience raises the risk tier."
        isRequired
      />
      <YesNo
        source={q('endUserAuthentication')}
        label="Do end users sign in before they reach the model?"
        helperText="Authenticated end users can be told apart, rate-limited and blocked one by one. Send each one’s id as “user” with every call."
      />
    </Section>

    <Section
      title="Outputs and safeguards"
      intro="How open the model's answers are, and how you catch misuse."
    >
      <RadioButtonGroupInput
        source={q('openEndedness')}
        label="How open-ended are the outputs?"
        choices={OPEN_ENDEDNESS_CHOICES}
        row={false}
        helperText="Free-form generation carries the most risk; constrained outputs the least."
        isRequired
      />
      <YesNo
        source={q('humanInTheLoop')}
        label="Does a person review outputs before they reach end users?"
        helperText="E.g. an agent edits a drafted reply before sending it."
      />
      <TextInput
        source={q('misuseHandling')}
        label="How will you detect and handle misuse?"
        helperText="Monitoring, reporting, who acts on reports and what they do (blocking accounts, reviewing flagged outputs); 20 characters or more."
        multiline
        minRows={3}
        isRequired
      />
    </Section>

    <Section title="Traffic" intro="The sizes and volume you plan for; your limits are set from them.">
      <Pair>
        <NumberInput
          source={q('inputLength')}
          label="Prompt length (tokens)"
          helperText="Typical prompt; about ¾ of a word per token."
          min={1}
          step={1}
          isRequired
        />
        <NumberInput
          source={q('outputLength')}
          label="Completion length (tokens)"
          helperText="Typical answer; over 512 raises the risk tier."
          min={1}
          step={1}
          isRequired
        />
      </Pair>
      <NumberInput
        source={q('expectedVolume')}
        label="Requests per day"
        helperText="Expected at launch; over 100,000 a day raises the risk tier."
        min={0}
        step={1}
        isRequired
        sx={{ maxWidth: { sm: 'calc(50% - 8px)' } }}
      />
    </Section>

    <Section
      title="Topics (optional)"
      intro="On approval Warden builds your application's topic model from these, and keeps calls to what the application is for. One per line."
    >
      <TextInput
        source={q('examplePrompts')}
        label="Example prompts"
        helperText="Prompts your end users would really send (3 characters or more each)."
        multiline
        minRows={3}
        format={formatLines}
        parse={parseLines}
      />
      <Pair>
        <TextInput
          source={q('allowedTopics')}
          label="Allowed topics"
          helperText="E.g. “essay structure”, “grammar”."
          multiline
          minRows={2}
          format={formatLines}
          parse={parseLines}
        />
        <TextInput
          source={q('forbiddenTopics')}
          label="Forbidden topics"
          helperText="Subjects end users must not get answers on, e.g. “medical advice”."
          multiline
          minRows={2}
          format={formatLines}
          parse={parseLines}
        />
      </Pair>
    </Section>
  </>
);
