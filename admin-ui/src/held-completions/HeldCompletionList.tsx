import { Box, Drawer, Typography } from '@mui/material';
import { useCallback } from 'react';
import {
  AutocompleteInput,
  DataTable,
  DateField,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextInput,
  useCanAccess,
  useMatch,
  useNavigate,
  type Identifier,
} from 'react-admin';
import PauseCircle from '@mui/icons-material/PauseCircle';
import { FilteredEmpty } from '../common/FilteredEmpty';
import { HELD_STATUSES } from '../common/enums';
import { VerdictChips } from '../common/VerdictTable';
import { asVerdicts } from '../common/verdicts';
import type { HeldCompletion } from '../types';
import { HeldStatus } from '@warden/contracts';
import { EmptyState, EnumChipField, SHORT_DATETIME, toChoices } from '@warden/web-common';
import { BulkHeldDecisionButton } from './BulkHeldDecisionButton';
import { HeldCompletionPanel, PANEL_WIDTH } from './HeldCompletionPanel';
import { heldOutputText, heldPromptText } from './heldText';

const heldFilters = [
  <SearchInput
    key="q"
    source="q"
    alwaysOn
    placeholder="Application, end user or prompt"
    sx={{ width: 260 }}
  />,
  <SelectInput key="status" source="status" choices={toChoices(HELD_STATUSES)} alwaysOn />,
  <ReferenceInput key="applicationId" source="applicationId" reference="applications" alwaysOn>
    <AutocompleteInput label="Application" optionText="name" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <TextInput key="endUser" source="endUser" label="End user" />,
];

/**
 * What a held output is and what the reviewer does with one, shown before the first exists; the list itself is
 * explained by the hint above it.
 */
const NoHeldOutputs = () => (
  <EmptyState
    icon={<PauseCircle />}
    title="No outputs are held for review"
    hint={
      <>
        A policy whose action is <strong>hold</strong> keeps a generated output back instead of sending it:
        the developer's caller gets a pending answer, and the output waits here. Read the prompt and the
        output with their verdicts, then <strong>release</strong> it (the developer receives it through their
        webhook) or <strong>discard</strong> it (it is never delivered). Held outputs appear here as soon as a
        policy holds one.
      </>
    }
  />
);

/** The queue opens filtered to pending outputs. */
const QUEUE_DEFAULT_FILTER = { status: HeldStatus.Pending };

const rowSx = (selectedId: Identifier | undefined) => (record: HeldCompletion) => ({
  borderLeft: `5px solid ${record.status === 'pending' ? '#ab47bc' : 'transparent'}`,
  ...(record.id === selectedId ? { backgroundColor: 'action.selected' } : {}),
});

const BulkActions = () => (
  <>
    <BulkHeldDecisionButton decision="release" />
    <BulkHeldDecisionButton decision="discard" />
  </>
);

const SourceCell = ({ record }: { record: HeldCompletion }) => (
  <Box>
    <Typography variant="body2" sx={{ fontWeight: 500, whiteSpace: 'nowrap' }}>
      {record.applicationName}
    </Typography>
    <Typography variant="caption" color="text.secondary">
      {record.endUser ?? 'no end user'}
    </Typography>
  </Box>
);

/** Narrower while the side panel is open, so the list still fits beside it. */
const TextCell = ({ record, narrow }: { record: HeldCompletion; narrow: boolean }) => (
  <Box sx={{ width: narrow ? 180 : { xs: 240, lg: 380, xl: 480 } }}>
    <Typography variant="body2" noWrap>
      {heldPromptText(record.prompt)}
    </Typography>
    <Typography variant="caption" color="text.secondary" noWrap component="div">
      → {heldOutputText(record).trim() || '(no text)'}
    </Typography>
  </Box>
);

/**
 * The held-output queue (after the demo's `reviews/`, like the application review queue): pending outputs first,
 * a row opens the output beside the list where a reviewer releases or discards it, and selected rows can be
 * decided together.
 */
export const HeldCompletionList = () => {
  const navigate = useNavigate();
  const match = useMatch({ path: '/held-completions/:id', end: true });
  const selectedId = match?.params.id;
  const close = useCallback(() => navigate('/held-completions'), [navigate]);
  const { canAccess: canDecide } = useCanAccess({ resource: 'held-completions', action: 'decide' });

  return (
    <Box sx={{ display: 'flex' }}>
      <List<HeldCompletion>
        title="Held outputs"
        empty={<NoHeldOutputs />}
        filters={heldFilters}
        filterDefaultValues={QUEUE_DEFAULT_FILTER}
        sort={{ field: 'createdAt', order: 'DESC' }}
        perPage={25}
        sx={{
          flexGrow: 1,
          minWidth: 0,
          transition: (theme) =>
            theme.transitions.create(['all'], { duration: theme.transitions.duration.enteringScreen }),
          marginRight: selectedId ? `${PANEL_WIDTH}px` : 0,
        }}
      >
        <DataTable<HeldCompletion>
          rowClick="edit"
          empty={
            <FilteredEmpty
              defaults={QUEUE_DEFAULT_FILTER}
              empty={<NoHeldOutputs />}
              noMatch="No held output matches these filters."
            />
          }
          rowSx={rowSx(selectedId)}
          bulkActionButtons={canDecide ? <BulkActions /> : false}
        >
          <DataTable.Col source="createdAt" label="Held">
            <DateField source="createdAt" showTime options={SHORT_DATETIME} sx={{ whiteSpace: 'nowrap' }} />
          </DataTable.Col>
          <DataTable.Col<HeldCompletion>
            source="applicationName"
            label="Application"
            render={(record) => <SourceCell record={record} />}
          />
          <DataTable.Col<HeldCompletion>
            label="Prompt → held output"
            disableSort
            render={(record) => <TextCell record={record} narrow={!!selectedId} />}
          />
          {!selectedId && (
            <DataTable.Col<HeldCompletion>
              label="Verdicts"
              disableSort
              render={(record) => <VerdictChips verdicts={asVerdicts(record.verdicts)} max={2} />}
            />
          )}
          <DataTable.Col source="status">
            <EnumChipField source="status" options={HELD_STATUSES} />
          </DataTable.Col>
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
        {selectedId && <HeldCompletionPanel id={selectedId} onClose={close} />}
      </Drawer>
    </Box>
  );
};
