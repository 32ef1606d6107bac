import { Box, Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import {
  DataTable,
  DateField,
  EditButton,
  Labeled,
  ListButton,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  ShowButton,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import {
  APPLICATION_STATUSES,
  EnumChipField,
  FULL_DATETIME,
  KEY_KINDS,
  KEY_STATUSES,
  SHORT_DATE,
} from '@warden/web-common';
import { REVIEW_STATES } from '../common/enums';
import { AttachedBiasRuns } from '../bias-runs/AttachedBiasRuns';
import type { ApiKey, Application } from '../types';
import { DecisionButtons } from './DecisionButtons';
import { DecisionHistory } from './DecisionHistory';
import { EnforcementBanner } from './EnforcementBanner';
import { QuestionnaireView } from './QuestionnaireView';
import { RiskSummary } from './RiskSummary';
import { ApplicationTopics } from '../topicality/ApplicationTopics';

const Panel = ({
  title,
  children,
  action,
}: {
  title: string;
  children: React.ReactNode;
  action?: React.ReactNode;
}) => (
  <Card variant="outlined">
    <CardContent>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, flexGrow: 1 }}>
          {title}
        </Typography>
        {action}
      </Stack>
      {children}
    </CardContent>
  </Card>
);

const ApplicationTitle = () => {
  const record = useRecordContext<Application>();
  return <>{record ? `Application ${record.name}` : 'Application'}</>;
};

const Header = () => {
  const record = useRecordContext<Application>();
  if (!record) return null;
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack sx={{ alignItems: { md: 'center' } }} direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <Box sx={{ flexGrow: 1 }}>
            <Typography variant="h5">{record.name}</Typography>
            <Typography variant="body2" color="text.secondary">
              <ReferenceField source="organizationId" reference="organizations" link="show">
                <TextField source="name" />
              </ReferenceField>
            </Typography>
          </Box>
          <Labeled label="Review state">
            <EnumChipField source="reviewState" options={REVIEW_STATES} />
          </Labeled>
          <Labeled label="Status">
            <EnumChipField source="status" options={APPLICATION_STATUSES} />
          </Labeled>
          <Labeled label="Submitted">
            <DateField source="submittedAt" showTime options={FULL_DATETIME} emptyText="not yet" />
          </Labeled>
          <Labeled label="Re-review on">
            <DateField options={SHORT_DATE} source="reReviewAt" emptyText="—" />
          </Labeled>
          <Labeled label="Created">
            <DateField options={SHORT_DATE} source="createdAt" />
          </Labeled>
        </Stack>
        <Box sx={{ mt: 2 }}>
          <DecisionButtons />
        </Box>
      </CardContent>
    </Card>
  );
};

/** The application's policy: editable for roles that may change it, read-only otherwise. */
const PolicyButton = () => {
  const record = useRecordContext<Application>();
  const { canAccess: canEdit, isPending } = useCanAccess({ resource: 'policies', action: 'edit' });
  if (!record || isPending) return null;
  const policy = { id: record.id };
  return canEdit ? (
    <EditButton resource="policies" record={policy} label="Policy" />
  ) : (
    <ShowButton resource="policies" record={policy} label="Policy" />
  );
};

const Actions = () => (
  <TopToolbar>
    <ListButton label="Review queue" />
    <PolicyButton />
  </TopToolbar>
);

/** The full record: questionnaire, risk tier with its reasons, decision history, keys. */
export const ApplicationShow = () => (
  <Show<Application> title={<ApplicationTitle />} actions={<Actions />} component="div">
    <Stack spacing={2}>
      <EnforcementBanner />
      <Header />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 7 }}>
          <Stack spacing={2}>
            <Panel title="Questionnaire">
              <QuestionnaireView />
            </Panel>
            <Panel title="Topics and topicality preview">
              <ApplicationTopics />
            </Panel>
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          <Stack spacing={2}>
            <Panel title="Risk tier">
              <RiskSummary />
            </Panel>
            <Panel title="Keys">
              <ReferenceManyField<Application, ApiKey>
                reference="api-keys"
                target="applicationId"
                sort={{ field: 'createdAt', order: 'DESC' }}
                perPage={10}
                pagination={<Pagination rowsPerPageOptions={[]} />}
              >
                <DataTable<ApiKey> bulkActionButtons={false} rowClick="show">
                  <DataTable.Col source="name" />
                  <DataTable.Col source="prefix">
                    <TextField source="prefix" sx={{ fontFamily: 'monospace' }} />
                  </DataTable.Col>
                  <DataTable.Col source="kind">
                    <EnumChipField source="kind" options={KEY_KINDS} />
                  </DataTable.Col>
                  <DataTable.Col source="status">
                    <EnumChipField source="status" options={KEY_STATUSES} />
                  </DataTable.Col>
                </DataTable>
              </ReferenceManyField>
            </Panel>
            <Panel title="Bias runs attached to the review">
              <AttachedBiasRuns />
            </Panel>
          </Stack>
        </Grid>
      </Grid>
      <Panel title="Decision history">
        <DecisionHistory />
      </Panel>
    </Stack>
  </Show>
);
