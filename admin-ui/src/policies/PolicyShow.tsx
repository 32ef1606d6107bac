import {
  BooleanField,
  EditButton,
  NumberField,
  Show,
  TabbedShowLayout,
  TextArrayField,
  TopToolbar,
} from 'react-admin';
import type { Policy } from '../types';
import { CategoryTableField } from './CategoryTable';
import { PolicyTitle } from './PolicyEdit';

export const PolicyShow = () => (
  <Show<Policy>
    title={<PolicyTitle />}
    actions={
      <TopToolbar>
        <EditButton />
      </TopToolbar>
    }
  >
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Content filters">
        <NumberField source="rules.classifierThresholdScale" label="Classifier threshold scale" />
        <NumberField
          source="rules.classifierSentenceMargin.input"
          label="Sentence margin, input (logits)"
          emptyText="the model’s own"
        />
        <NumberField
          source="rules.classifierSentenceMargin.output"
          label="Sentence margin, output (logits)"
          emptyText="the model’s own"
        />
        <CategoryTableField />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Limits">
        <NumberField source="rules.limits.maxPromptTokens" label="Max prompt tokens" />
        <NumberField source="rules.limits.maxTokens" label="Max tokens" />
        <NumberField source="rules.limits.maxTotalTokens" label="Max total tokens" />
        <BooleanField source="rules.requireUser" label="End user required" />
        <BooleanField source="rules.exemptSystemPrompt" label="System prompt exempt (chat)" />
        <NumberField source="rules.rateLimits.requestsPerMinute" label="Requests per minute" />
        <NumberField source="rules.rateLimits.tokensPerMinute" label="Tokens per minute" />
        <NumberField
          source="rules.rateLimits.endUserRequestsPerMinute"
          label="Requests per minute per end user"
        />
        <NumberField
          source="rules.rateLimits.endUserTokensPerMinute"
          label="Tokens per minute per end user"
        />
        <NumberField
          source="rules.fineTuning.maxFlaggedShare"
          label="Fine-tuning: flagged share that fails a file"
        />
        <NumberField source="rules.fineTuning.reviewAboveShare" label="Fine-tuning: staff review above" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Blocklist">
        <TextArrayField source="rules.blocklist.words" label="Words" emptyText="none" />
        <TextArrayField source="rules.blocklist.phrases" label="Phrases" emptyText="none" />
        <TextArrayField source="rules.blocklist.patterns" label="Patterns" emptyText="none" />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
