import { Alert } from '@mui/material';
import { Edit, SaveButton, SimpleForm, Toolbar, useRecordContext } from 'react-admin';
import type { Application } from '../types';
import { LatestFeedback } from './ApplicationShow';
import { QuestionnaireFields } from './QuestionnaireFields';
import { toApplicationInput, validateApplication } from './questionnaire';
import { isEditable } from './reviewSteps';

const EditToolbar = () => (
  <Toolbar>
    <SaveButton label="Save changes" />
  </Toolbar>
);

/** The server refuses edits once the application is submitted; the page says so instead of a failed save. */
const EditForm = () => {
  const application = useRecordContext<Application>();
  if (!application) return null;
  if (!isEditable(application)) {
    return (
      <Alert severity="info" sx={{ m: 2 }}>
        This application is {application.reviewState.replace('_', ' ')}: its answers can no longer be changed.
      </Alert>
    );
  }
  return (
    <SimpleForm validate={validateApplication} toolbar={<EditToolbar />}>
      <LatestFeedback />
      <QuestionnaireFields />
    </SimpleForm>
  );
};

export const ApplicationEdit = () => (
  <Edit<Application>
    title="Edit application"
    mutationMode="pessimistic"
    transform={toApplicationInput}
    redirect="show"
  >
    <EditForm />
  </Edit>
);
