import { AutocompleteInput, Create, ReferenceInput, SimpleForm, TextInput, required } from 'react-admin';

/** The patch is typed as JSON in the policy editor's shape (thresholds, actions, blocklist); the server validates it. */
const parsePatch = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  try {
    JSON.parse(value);
    return undefined;
  } catch {
    return 'Not valid JSON';
  }
};

const toBody = (data: Record<string, unknown>) => ({
  applicationId: data.applicationId,
  patch: JSON.parse(String(data.patch)) as unknown,
  ...(data.note ? { note: data.note } : {}),
});

export const ProposalCreate = () => (
  <Create transform={toBody} redirect="show">
    <SimpleForm defaultValues={{ patch: '{\n  "blocklist": { "words": [] }\n}' }}>
      <ReferenceInput source="applicationId" reference="applications">
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <TextInput
        source="patch"
        label="Policy patch (JSON)"
        multiline
        minRows={6}
        fullWidth
        validate={[required(), parsePatch]}
        helperText="Merged into the application's policy as a policy edit would be; lists (blocklist words, phrases, patterns) replace the current ones"
      />
      <TextInput source="note" multiline fullWidth />
    </SimpleForm>
  </Create>
);
