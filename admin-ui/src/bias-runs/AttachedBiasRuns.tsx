import { List, ListItemButton, ListItemText, Typography } from '@mui/material';
import {
  Link,
  RecordContextProvider,
  ReferenceManyField,
  useCanAccess,
  useCreatePath,
  useListContext,
} from 'react-admin';
import { EnumChipField } from '@warden/web-common';
import { BIAS_RUN_STATUSES, PROBE_SETS } from '../common/enums';
import type { Application, BiasRun } from '../types';

const RunItems = () => {
  const { data = [] } = useListContext<BiasRun>();
  const createPath = useCreatePath();
  return (
    <List dense disablePadding data-testid="attached-bias-runs">
      {data.map((run) => (
        <RecordContextProvider key={run.id} value={run}>
          <ListItemButton
            component={Link}
            to={createPath({ resource: 'bias-runs', id: run.id, type: 'show' })}
            sx={{ px: 1, borderRadius: 1 }}
          >
            <ListItemText
              primary={`${run.model} · seed ${run.seed}`}
              secondary={`${new Date(run.createdAt).toLocaleString(undefined, {
                dateStyle: 'medium',
                timeStyle: 'short',
              })} · ${run.probeSets.map((set) => PROBE_SETS[set]?.label ?? set).join(', ')}${
                run.limit ? ` · ${run.limit} per group` : ''
              }`}
            />
            <EnumChipField source="status" options={BIAS_RUN_STATUSES} />
          </ListItemButton>
        </RecordContextProvider>
      ))}
    </List>
  );
};

/** The bias runs attached to an application's review (`attachedTo` filter), for its show page and review panel. */
export const AttachedBiasRuns = ({ compact = false }: { compact?: boolean }) => {
  const { canAccess, isPending } = useCanAccess({ resource: 'bias-runs', action: 'list' });
  if (isPending || !canAccess) return null;
  return (
    <ReferenceManyField<Application, BiasRun>
      reference="bias-runs"
      target="attachedTo"
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={compact ? 5 : 10}
      empty={
        <Typography variant="body2" color="text.secondary">
          No bias run attached. A reviewer attaches one from its report.
        </Typography>
      }
    >
      <RunItems />
    </ReferenceManyField>
  );
};
