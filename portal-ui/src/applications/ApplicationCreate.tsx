import { Alert } from '@mui/material';
import { useState } from 'react';
import { Create, SaveButton, SimpleForm, Toolbar, useCreatePath, useNavigate } from 'react-admin';
import { SecretDialog, type IssuedSecret } from '../common/SecretDialog';
import type { NewApplication } from '../types';
import { QuestionnaireFields } from './QuestionnaireFields';
import { toApplicationInput, validateApplication } from './questionnaire';

const CreateToolbar = () => (
  <Toolbar>
    <SaveButton label="Create application" />
  </Toolbar>
);

/**
 * The questionnaire, then the sandbox key: the answer to creating an application is the only place its secret
 * appears, so the dialog holds the page until the developer says they stored it.
 */
export const ApplicationCreate = () => {
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const [created, setCreated] = useState<{ id: string; issued: IssuedSecret } | null>(null);
  return (
    <>
      <Create<NewApplication>
        title="New application"
        transform={toApplicationInput}
        redirect={false}
        mutationOptions={{
          onSuccess: (application) =>
            setCreated({
              id: application.id,
              issued: { secret: application.sandboxKey.secret, kind: application.sandboxKey.kind },
            }),
        }}
      >
        <SimpleForm validate={validateApplication} toolbar={<CreateToolbar />}>
          <Alert severity="info" sx={{ mb: 2, maxWidth: 760 }}>
            Answer the production-review questionnaire. You get a sandbox key as soon as the application is
            created, and can change the answers until you submit it for review. Once a reviewer approves it,
            the application goes live and you can create production keys.
          </Alert>
          <QuestionnaireFields />
        </SimpleForm>
      </Create>
      <SecretDialog
        issued={created?.issued ?? null}
        onClose={() => {
          if (created) navigate(createPath({ resource: 'applications', id: created.id, type: 'show' }));
          setCreated(null);
        }}
      />
    </>
  );
};
