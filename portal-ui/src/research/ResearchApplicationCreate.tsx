import { Alert, Box } from '@mui/material';
import { Create, RadioButtonGroupInput, SaveButton, SimpleForm, TextInput, Toolbar } from 'react-admin';
import { formatLines, formatYesNo, parseLines, parseYesNo, YES_NO_CHOICES } from '../common/form';
import { toResearchApplication, validateResearchApplication } from './researchApplication';

const q = (field: string) => `questionnaire.${field}`;

const ApplyToolbar = () => (
  <Toolbar>
    <SaveButton label="Apply for academic access" />
  </Toolbar>
);

/**
 * The academic access application: what the study asks, which harms it looks at, how its data is handled and its
 * ethics approval. It goes to review at once; there is no draft and no sandbox key.
 */
export const ResearchApplicationCreate = () => (
  <Create title="Apply for academic access" transform={toResearchApplication} redirect="show">
    <SimpleForm validate={validateResearchApplication} toolbar={<ApplyToolbar />}>
      <Box sx={{ width: '100%', maxWidth: 760 }}>
        <Alert severity="info" sx={{ mb: 2 }}>
          Researchers studying the model’s harms and biases can get time-boxed access under a research policy.
          Staff review the application and set the grant’s dates, quotas and policy profile when they approve
          it; you then create keys that work until the grant ends.
        </Alert>
        <TextInput
          source="name"
          label="Study name"
          helperText="E.g. “Occupational stereotype study”."
          isRequired
        />
        <TextInput
          source={q('institution')}
          label="Institution"
          helperText="The university or institute."
          isRequired
        />
        <TextInput
          source={q('researchQuestion')}
          label="Research question"
          helperText="What the study asks and why it needs this access (20 characters or more)."
          multiline
          minRows={3}
          isRequired
        />
        <TextInput
          source={q('harmsStudied')}
          label="Harms or biases studied"
          helperText="One per line, e.g. “gender bias in occupations”."
          multiline
          minRows={2}
          format={formatLines}
          parse={parseLines}
          isRequired
        />
        <TextInput
          source={q('dataHandling')}
          label="Data handling"
          helperText="Where outputs are stored, who sees them, when they are deleted (20 characters or more)."
          multiline
          minRows={3}
          isRequired
        />
        <RadioButtonGroupInput
          source={q('ethicsApproved')}
          label="Has an IRB or ethics board approved the study?"
          choices={YES_NO_CHOICES}
          format={formatYesNo}
          parse={parseYesNo}
          isRequired
        />
        <TextInput
          source={q('ethicsApprovalReference')}
          label="Ethics approval reference"
          helperText="The IRB or ethics board’s reference; required when the study is approved."
        />
      </Box>
    </SimpleForm>
  </Create>
);
