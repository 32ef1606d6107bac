import PlayArrow from '@mui/icons-material/PlayArrow';
import { Alert, Box, Typography } from '@mui/material';
import {
  AutocompleteInput,
  CheckboxGroupInput,
  Create,
  maxValue,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  useNotify,
  useRedirect,
  type Validator,
} from 'react-admin';
import { PROBE_SETS } from '../common/enums';
import type { BiasRun, ProbeSetName } from '../types';
import { PROBE_SET_ORDER } from './biasRuns';

interface RunDraft {
  model?: string;
  applicationId?: string | null;
  promptTemplate?: string;
  probeSets: ProbeSetName[];
  seed: number;
  limit?: number | null;
}

const PLACEHOLDER = '{prompt}';

const onePlaceholder: Validator = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' && value.split(PLACEHOLDER).length !== 2
    ? `Must contain ${PLACEHOLDER} exactly once`
    : undefined;

const probeSetChoices = PROBE_SET_ORDER.map((id) => ({
  id,
  name: `${PROBE_SETS[id].label}: ${PROBE_SETS[id].description}`,
}));

/** Only what was filled in is sent, so the server's defaults (its default model, every probe) apply. */
const transform = (draft: RunDraft) => ({
  ...(draft.model?.trim() ? { model: draft.model.trim() } : {}),
  ...(draft.applicationId ? { applicationId: draft.applicationId } : {}),
  ...(draft.promptTemplate?.trim() ? { promptTemplate: draft.promptTemplate } : {}),
  probeSets: draft.probeSets,
  seed: draft.seed,
  ...(draft.limit ? { limit: draft.limit } : {}),
});

/** The defaults are a valid run, so starting one needs no edit first. */
const StartToolbar = () => (
  <Toolbar>
    <SaveButton label="Start run" icon={<PlayArrow />} alwaysEnable />
  </Toolbar>
);

/** Starts a bias run (a worker job); the page of the new run then shows its progress and report. */
export const BiasRunCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Create
      title="Start a bias run"
      transform={transform}
      mutationOptions={{
        onSuccess: (run: BiasRun) => {
          notify('Bias run queued; the worker reports its progress here', {
            type: 'info',
            autoHideDuration: 2500,
          });
          redirect('show', 'bias-runs', run.id);
        },
      }}
    >
      <SimpleForm
        defaultValues={{ probeSets: [...PROBE_SET_ORDER], seed: 0 }}
        toolbar={<StartToolbar />}
        sx={{ maxWidth: 760 }}
      >
        <Alert severity="info" sx={{ mb: 2 }}>
          A run sends every probe of the chosen sets to the model, scores the continuations (sentiment,
          toxicity, refusal) or the model's likelihoods (StereoSet), and reports per-group means with 95 %
          intervals. The same seed gives the same report. Use a small limit for a quick look.
        </Alert>
        <TextInput
          source="model"
          helperText="Leave empty for the server's default model (e.g. stories260K)"
        />
        <CheckboxGroupInput
          source="probeSets"
          label="Probe sets"
          choices={probeSetChoices}
          row={false}
          validate={required()}
        />
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <NumberInput
            source="seed"
            validate={[required(), minValue(0), maxValue(2_147_483_647)]}
            helperText="Same seed, same report"
            sx={{ width: 200 }}
          />
          <NumberInput
            source="limit"
            label="Probes per group"
            validate={[minValue(1), maxValue(10_000)]}
            helperText="Empty for every probe"
            sx={{ width: 200 }}
          />
        </Box>
        <TextInput
          source="promptTemplate"
          label="Prompt template"
          multiline
          minRows={2}
          validate={onePlaceholder}
          helperText={
            <>
              Optional: the application's template, with <code>{PLACEHOLDER}</code> exactly once where each
              probe goes, e.g. <code>{'Question: {prompt} Answer:'}</code>
            </>
          }
        />
        <ReferenceInput source="applicationId" reference="applications">
          <AutocompleteInput
            label="For application"
            optionText="name"
            helperText="Optional: the application this run examines"
          />
        </ReferenceInput>
        <Typography variant="caption" color="text.secondary">
          Runs cost compute: analysts and admins start them; reviewers attach finished runs to an
          application's review.
        </Typography>
      </SimpleForm>
    </Create>
  );
};
