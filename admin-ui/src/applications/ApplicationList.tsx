import { Box, Drawer, Typography } from '@mui/material';
import { useCallback } from 'react';
import {
  DataTable,
  DateField,
  List,
  useCanAccess,
  useMatch,
  useNavigate,
  type Identifier,
} from 'react-admin';
import { APPLICATION_STATUSES, EnumChipField, SHORT_DATETIME } from '@warden/web-common';
import { REVIEW_STATES, RISK_TIERS } from '../common/enums';
import type { Application, RiskTier } from '../types';
import { applicationFilters } from './applicationFilters';
import { ApplicationReviewPanel, PANEL_WIDTH } from './ApplicationReviewPanel';
import { BulkDecisionButton } from './BulkDecisionButton';

const TIER_BORDER: Record<RiskTier, string> = { low: '#4caf50', medium: '#ff9800', high: '#f44336' };

const rowSx = (selectedId: Identifier | undefined) => (record: Application) => ({
  borderLeft: `5px solid ${record.riskTier ? TIER_BORDER[record.riskTier] : 'transparent'}`,
  ...(record.id === selectedId ? { backgroundColor: 'action.selected' } : {}),
});

const BulkActions = () => (
  <>
    <BulkDecisionButton decision="approve" />
    <BulkDecisionButton decision="reject" />
  </>
);

const NameCell = ({ record }: { record: Application }) => (
  <Box>
    <Typography sx={{ fontWeight: 500 }} variant="body2">
      {record.name}
    </Typography>
    <Typography variant="caption" color="text.secondary">
      {record.organizationName}
    </Typography>
  </Box>
);

/**
 * The review queue (after react-admin's demo `reviews/`): filters by review state and risk tier, a row opens
 * the application in a side panel where the reviewer decides, and selected rows can be approved or rejected
 * together.
 */
export const ApplicationList = () => {
  const navigate = useNavigate();
  const match = useMatch({ path: '/applications/:id', end: true });
  const selectedId = match?.params.id;
  const close = useCallback(() => navigate('/applications'), [navigate]);
  const { canAccess: canDecide } = useCanAccess({ resource: 'applications', action: 'decide' });

  return (
    <Box sx={{ display: 'flex' }}>
      <List<Application>
        title="Review queue"
        filters={applicationFilters}
        sort={{ field: 'submittedAt', order: 'DESC' }}
        perPage={25}
        sx={{
          flexGrow: 1,
          minWidth: 0,
          transition: (theme) =>
            theme.transitions.create(['all'], { duration: theme.transitions.duration.enteringScreen }),
          marginRight: selectedId ? `${PANEL_WIDTH}px` : 0,
        }}
      >
        <DataTable<Application>
          rowClick="edit"
          rowSx={rowSx(selectedId)}
          bulkActionButtons={canDecide ? <BulkActions /> : false}
        >
          <DataTable.Col<Application>
            source="name"
            label="Application"
            render={(record) => <NameCell record={record} />}
          />
          <DataTable.Col source="reviewState" label="Review state">
            <EnumChipField source="reviewState" options={REVIEW_STATES} />
          </DataTable.Col>
          <DataTable.Col source="riskTier" label="Risk tier">
            <EnumChipField source="riskTier" options={RISK_TIERS} />
          </DataTable.Col>
          {!selectedId && (
            <DataTable.Col source="status">
              <EnumChipField source="status" options={APPLICATION_STATUSES} />
            </DataTable.Col>
          )}
          <DataTable.Col source="submittedAt" label="Submitted">
            <DateField source="submittedAt" showTime options={SHORT_DATETIME} emptyText="—" />
          </DataTable.Col>
          {!selectedId && (
            <DataTable.Col source="updatedAt" label="Updated">
              <DateField source="updatedAt" showTime options={SHORT_DATETIME} />
            </DataTable.Col>
          )}
        </DataTable>
      </List>
      <Drawer
        variant="persistent"
        open={!!selectedId}
        anchor="right"
        onClose={close}
        // Below the app bar, like the demo; set on the paper so dialogs opened from the panel still dim it.
        slotProps={{ paper: { sx: { zIndex: 100 } } }}
      >
        {selectedId && <ApplicationReviewPanel id={selectedId} onClose={close} />}
      </Drawer>
    </Box>
  );
};
