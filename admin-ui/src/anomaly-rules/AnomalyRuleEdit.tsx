import { Alert, Stack, Typography } from '@mui/material';
import {
  ALERT_SEVERITIES,
  ANOMALY_RULE_PARAM_LABELS,
  ANOMALY_RULE_PARAMS,
  ANOMALY_RULE_WINDOW,
  anomalyRuleChangeSchema,
  type AnomalyRuleId,
} from '@warden/contracts';
import {
  BooleanInput,
  Edit,
  Labeled,
  NumberInput,
  SelectInput,
  SimpleForm,
  TextField,
  useRecordContext,
} from 'react-admin';
import { toChoices } from '@warden/web-common';
import { ALERT_SEVERITIES as SEVERITY_OPTIONS } from '../common/enums';
import type { AnomalyRule } from '../types';
import { actionChoices, ruleName } from './ruleLabels';

const severityChoices = toChoices(
  Object.fromEntries(ALERT_SEVERITIES.map((severity) => [severity, SEVERITY_OPTIONS[severity]])),
);

type FieldErrors = { [field: string]: string | FieldErrors };

/**
 * The server's own schemas (from contracts) checked before saving, so a value out of range shows its message
 * beside the field instead of a refused request; the server checks the same schemas again.
 */
export function validateRule(values: Partial<AnomalyRule>): FieldErrors {
  const errors: FieldErrors = {};
  const put = (path: PropertyKey[], message: string) => {
    let node = errors;
    path.slice(0, -1).forEach((key) => {
      const next = node[String(key)];
      node = typeof next === 'object' ? next : (node[String(key)] = {});
    });
    const leaf = String(path[path.length - 1] ?? 'params');
    if (!(leaf in node)) node[leaf] = message;
  };
  const change = anomalyRuleChangeSchema.safeParse({
    enabled: values.enabled,
    windowSeconds: values.windowSeconds,
    params: values.params,
    action: values.action,
    severity: values.severity,
  });
  if (!change.success) change.error.issues.forEach((issue) => put(issue.path, issue.message));
  if (values.id && values.params) {
    const params = ANOMALY_RULE_PARAMS[values.id].safeParse(values.params);
    if (!params.success)
      params.error.issues.forEach((issue) => put(['params', ...issue.path], issue.message));
  }
  return errors;
}

const RuleTitle = () => {
  const rule = useRecordContext<AnomalyRule>();
  return <>{rule ? `Anomaly rule: ${ruleName(rule.id)}` : 'Anomaly rule'}</>;
};

const ParamInputs = () => {
  const rule = useRecordContext<AnomalyRule>();
  if (!rule) return null;
  const names = Object.keys(ANOMALY_RULE_PARAMS[rule.id as AnomalyRuleId].shape);
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ flexWrap: 'wrap' }}>
      {names.map((name) => (
        <NumberInput
          key={name}
          source={`params.${name}`}
          label={ANOMALY_RULE_PARAM_LABELS[name] ?? name}
          sx={{ minWidth: 240 }}
        />
      ))}
    </Stack>
  );
};

/** Admins tune a rule's thresholds and what it does when it fires; every change is audited. */
export const AnomalyRuleEdit = () => (
  <Edit<AnomalyRule> title={<RuleTitle />} mutationMode="pessimistic" redirect="list">
    <SimpleForm validate={validateRule} mode="onChange" reValidateMode="onChange">
      <Labeled label="What it watches">
        <TextField source="description" />
      </Labeled>
      <Alert severity="info" sx={{ mb: 2, maxWidth: 720 }}>
        The worker runs every enabled rule over the request log's last window. A rule that fires raises one
        alert per application or key while that alert is open; a suspending action also freezes the subject
        until a reviewer acts.
      </Alert>
      <BooleanInput source="enabled" label="Enabled" />
      <NumberInput
        source="windowSeconds"
        label="Window, seconds"
        helperText={`From ${ANOMALY_RULE_WINDOW.min} s to ${ANOMALY_RULE_WINDOW.max} s (one day)`}
        fullWidth={false}
        sx={{ minWidth: 320 }}
      />
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        Thresholds
      </Typography>
      <ParamInputs />
      <SelectInput source="severity" choices={severityChoices} fullWidth={false} sx={{ minWidth: 320 }} />
      <SelectInput
        source="action"
        label="When it fires"
        choices={actionChoices}
        fullWidth={false}
        sx={{ minWidth: 320 }}
      />
    </SimpleForm>
  </Edit>
);
