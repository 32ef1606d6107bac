import {
  Create,
  Edit,
  email,
  minLength,
  PasswordInput,
  required,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  useRecordContext,
  Labeled,
} from 'react-admin';
import { toChoices } from '@warden/web-common';
import { STAFF_ROLES } from '../common/enums';
import type { StaffMember } from '../types';

const roleChoices = toChoices(STAFF_ROLES);
const PASSWORD_HELP = 'At least 12 characters';

export const StaffCreate = () => (
  <Create<StaffMember> title="Add a staff member" redirect="list">
    <SimpleForm>
      <TextInput source="email" type="email" validate={[required(), email()]} sx={{ minWidth: 320 }} />
      <PasswordInput
        source="password"
        validate={[required(), minLength(12)]}
        helperText={PASSWORD_HELP}
        autoComplete="new-password"
      />
      <SelectInput source="role" choices={roleChoices} validate={required()} defaultValue="reviewer" />
    </SimpleForm>
  </Create>
);

const StaffTitle = () => {
  const record = useRecordContext<StaffMember>();
  return <>{record ? `Staff ${record.email}` : 'Staff'}</>;
};

export const StaffEdit = () => (
  <Edit<StaffMember> title={<StaffTitle />} mutationMode="pessimistic">
    <SimpleForm>
      <Labeled label="Email">
        <TextField source="email" />
      </Labeled>
      <SelectInput source="role" choices={roleChoices} validate={required()} />
      <PasswordInput
        source="password"
        label="New password"
        validate={minLength(12)}
        helperText={`${PASSWORD_HELP}; leave empty to keep the current one`}
        autoComplete="new-password"
      />
    </SimpleForm>
  </Edit>
);
