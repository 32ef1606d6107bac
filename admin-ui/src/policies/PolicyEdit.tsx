import { Box, Stack, Typography } from '@mui/material';
import {
  BooleanInput,
  Edit,
  NumberInput,
  ShowButton,
  TabbedForm,
  TextArrayInput,
  TopToolbar,
  maxValue,
  minValue,
  required,
  useRecordContext,
} from 'react-admin';
import type { Policy } from '../types';
import { CategoryTableInput } from './CategoryTable';

export const PolicyTitle = () => {
  const record = useRecordContext<Policy>();
  return <>{record ? `Policy of ${record.applicationName}` : 'Policy'}</>;
};

const Hint = ({ children }: { children: React.ReactNode }) => (
  <Typography variant="body2" color="text.secondary" sx={{ mb: 1, maxWidth: 720 }}>
    {children}
  </Typography>
);

const positive = [required(), minValue(1)];
const share = [required(), minValue(0), maxValue(1)];

/**
 * Only what the reviewer changes is stored (the data provider sends a patch), so every other rule keeps
 * following the application's status defaults.
 */
export const PolicyEdit = () => (
  <Edit<Policy>
    title={<PolicyTitle />}
    mutationMode="pessimistic"
    actions={
      <TopToolbar>
        <ShowButton />
      </TopToolbar>
    }
  >
    <TabbedForm>
      <TabbedForm.Tab label="Content filters">
        <Hint>
          A verdict scoring at or above the threshold triggers the action; an empty threshold uses the
          classifier’s calibrated one. Actions from least to most severe: allow, observe, flag, redact, hold,
          block.
        </Hint>
        <NumberInput
          source="rules.classifierThresholdScale"
          label="Classifier threshold scale"
          helperText="Multiplies the calibrated thresholds used where a threshold is empty; below 1 is stricter"
          step={0.05}
          validate={[required(), minValue(0.1), maxValue(2)]}
          sx={{ maxWidth: 420 }}
        />
        <Hint>
          The classifier also reads each sentence of a longer text on its own, so a harmful request framed by
          harmless sentences is not watered down. A sentence read alone must score this many logits over its
          threshold; empty uses the classifier model’s own margin. Raise it on input for applications whose
          prompts are long user posts, at the cost of missing framed requests.
        </Hint>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          {(['input', 'output'] as const).map((direction) => (
            <NumberInput
              key={direction}
              source={`rules.classifierSentenceMargin.${direction}`}
              label={`Sentence margin, ${direction}`}
              helperText="Logits; empty: the model’s own"
              step={0.25}
              sx={{ minWidth: 240 }}
              validate={[minValue(0), maxValue(10)]}
            />
          ))}
        </Stack>
        <BooleanInput
          source="rules.exemptSystemPrompt"
          label="Chat: leave system and developer messages out of input moderation"
          helperText="The developer wrote them, not the end user; end users' messages are always checked"
        />
        <Box sx={{ width: '100%', overflowX: 'auto' }}>
          <CategoryTableInput />
        </Box>
      </TabbedForm.Tab>
      <TabbedForm.Tab label="Limits">
        <Typography variant="subtitle2">Length limits, in tokens</Typography>
        <Hint>
          Counted with the model’s own tokenizer; requests over a limit are refused before generation.
        </Hint>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <NumberInput source="rules.limits.maxPromptTokens" label="Prompt" validate={positive} />
          <NumberInput
            source="rules.limits.maxTokens"
            label="Completion (max_tokens cap)"
            validate={positive}
          />
          <NumberInput source="rules.limits.maxTotalTokens" label="Prompt + completion" validate={positive} />
        </Stack>
        <BooleanInput source="rules.requireUser" label="Every request must name its end user (`user`)" />
        <Typography variant="subtitle2" sx={{ mt: 2 }}>
          Rate limits, per minute
        </Typography>
        <Hint>Counted per key, and per end user for the end-user limits; exceeding one answers 429.</Hint>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <NumberInput source="rules.rateLimits.requestsPerMinute" label="Requests" validate={positive} />
          <NumberInput source="rules.rateLimits.tokensPerMinute" label="Tokens" validate={positive} />
          <NumberInput
            source="rules.rateLimits.endUserRequestsPerMinute"
            label="Requests per end user"
            validate={positive}
          />
          <NumberInput
            source="rules.rateLimits.endUserTokensPerMinute"
            label="Tokens per end user"
            validate={positive}
          />
        </Stack>
        <Typography variant="subtitle2" sx={{ mt: 2 }}>
          Fine-tuning screening, as shares of a file’s examples (0–1)
        </Typography>
        <Hint>
          Above the first share a training file fails screening; between the second and the first it waits for
          staff review; at or below the second it trains.
        </Hint>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <NumberInput
            source="rules.fineTuning.maxFlaggedShare"
            label="Flagged share that fails a file"
            step={0.005}
            validate={share}
          />
          <NumberInput
            source="rules.fineTuning.reviewAboveShare"
            label="Staff review above"
            step={0.005}
            validate={share}
          />
        </Stack>
      </TabbedForm.Tab>
      <TabbedForm.Tab label="Blocklist">
        <Hint>
          Matched case-insensitively on input and output; the blocklist category decides the action.
        </Hint>
        <TextArrayInput source="rules.blocklist.words" label="Words" fullWidth />
        <TextArrayInput source="rules.blocklist.phrases" label="Phrases" fullWidth />
        <TextArrayInput
          source="rules.blocklist.patterns"
          label="Patterns"
          helperText="JavaScript regular expressions, source only"
          fullWidth
        />
      </TabbedForm.Tab>
    </TabbedForm>
  </Edit>
);
