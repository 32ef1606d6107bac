import {
  AutocompleteInput,
  Create,
  DateTimeInput,
  ReferenceInput,
  required,
  SimpleForm,
  TextInput,
  useRedirect,
} from 'react-admin';
import { useShowSecrets } from '../common/SecretProvider';
import type { ApiKey } from '../types';

interface KeyDraft {
  applicationId: string;
  name: string;
  expiresAt?: string | null;
}

/** Issues a key for an application; its secret is shown once, then the key list opens. */
export const ApiKeyCreate = () => {
  const redirect = useRedirect();
  const showSecrets = useShowSecrets();
  return (
    <Create<ApiKey>
      title="Issue a key"
      redirect={false}
      transform={(data: KeyDraft) => ({
        applicationId: data.applicationId,
        name: data.name,
        ...(data.expiresAt ? { expiresAt: new Date(data.expiresAt).toISOString() } : {}),
      })}
      mutationOptions={{
        onSuccess: (key: ApiKey) =>
          showSecrets(
            'Key issued',
            key.secret ? [{ label: `${key.name} for ${key.applicationName}`, secret: key.secret }] : [],
            () => redirect('list', 'api-keys'),
          ),
      }}
    >
      <SimpleForm>
        <ReferenceInput source="applicationId" reference="applications">
          <AutocompleteInput
            label="Application"
            optionText="name"
            validate={required()}
            sx={{ minWidth: 320 }}
          />
        </ReferenceInput>
        <TextInput source="name" validate={required()} sx={{ minWidth: 320 }} />
        <DateTimeInput
          source="expiresAt"
          label="Expires at"
          helperText="Leave empty for a key that does not expire"
        />
      </SimpleForm>
    </Create>
  );
};
