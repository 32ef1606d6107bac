import {
  ArrayInput,
  AutocompleteInput,
  Create,
  NumberInput,
  ReferenceInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  maxValue,
  minValue,
  required,
} from 'react-admin';

/** The form posts `{queueId, precisionTarget, scope: {applicationId?}, checks?, trafficDays}`. */
const toBody = (data: Record<string, unknown>) => {
  const checks = (data.checks as Array<{ name?: string }> | undefined)
    ?.map((check) => check.name?.trim())
    .filter((name): name is string => Boolean(name));
  return {
    queueId: data.queueId,
    precisionTarget: data.precisionTarget,
    trafficDays: data.trafficDays,
    scope: data.applicationId ? { applicationId: data.applicationId } : {},
    ...(checks && checks.length > 0 ? { checks } : {}),
  };
};

export const CalibrationCreate = () => (
  <Create transform={toBody} redirect="show">
    <SimpleForm defaultValues={{ precisionTarget: 0.9, trafficDays: 7 }}>
      <TextInput source="queueId" label="Labeling queue id" validate={required()} fullWidth />
      <NumberInput
        source="precisionTarget"
        step={0.01}
        validate={[required(), minValue(0.01), maxValue(1)]}
        helperText="The precision each proposed threshold must reach (0–1)"
      />
      <ReferenceInput source="applicationId" reference="applications">
        <AutocompleteInput optionText="name" label="Application (empty: all)" />
      </ReferenceInput>
      <NumberInput
        source="trafficDays"
        label="Traffic window for the volume estimate (days)"
        min={1}
        max={365}
      />
      <ArrayInput source="checks" label="Checks (empty: every check that scored the labeled calls)">
        <SimpleFormIterator inline>
          <TextInput source="name" label="Check" helperText={false} />
        </SimpleFormIterator>
      </ArrayInput>
    </SimpleForm>
  </Create>
);
