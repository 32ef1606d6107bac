import Download from '@mui/icons-material/Download';
import Label from '@mui/icons-material/Label';
import Lock from '@mui/icons-material/Lock';
import {
  Alert,
  Box,
  Button,
  Grid,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import {
  ShowBase,
  Title,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { Panel } from '../common/Panel';
import type { WardenDataProvider } from '../dataProvider';
import { LabelingPanel, PANEL_WIDTH } from './LabelingPanel';
import { Progress } from './LabelQueueList';
import { SAMPLING_LABELS } from './sampling';
import type { LabelQueue } from './types';

const AgreementTable = ({ queue }: { queue: LabelQueue }) => {
  if (queue.labelsPerItem < 2) {
    return <Typography color="text.secondary">One labeler per item: agreement is not measured.</Typography>;
  }
  const rows = queue.agreement ?? [];
  if (rows.length === 0) {
    return <Typography color="text.secondary">No item has two labels yet.</Typography>;
  }
  return (
    <Table size="small" data-testid="kappa-table">
      <TableHead>
        <TableRow>
          <TableCell>Category</TableCell>
          <TableCell align="right">Items</TableCell>
          <TableCell align="right">Agreement</TableCell>
          <TableCell align="right">Cohen's κ</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.category}>
            <TableCell>{row.category}</TableCell>
            <TableCell align="right">{row.items}</TableCell>
            <TableCell align="right">{(row.observed * 100).toFixed(0)} %</TableCell>
            <TableCell align="right">{row.kappa === null ? '—' : row.kappa.toFixed(2)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const ExportButtons = ({ queue }: { queue: LabelQueue }) => {
  const dataProvider = useDataProvider<WardenDataProvider>();
  const notify = useNotify();
  const download = async (format: 'moderation' | 'fine-tuning') => {
    try {
      const blob = await dataProvider.exportLabelQueue(queue.id, format);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `${queue.name}-${format}.jsonl`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      notify(`Export failed: ${error instanceof Error ? error.message : String(error)}`, { type: 'error' });
    }
  };
  return (
    <Stack direction="row" spacing={1}>
      <Button startIcon={<Download />} onClick={() => void download('moderation')}>
        Moderation JSONL
      </Button>
      <Button startIcon={<Download />} onClick={() => void download('fine-tuning')}>
        Fine-tuning JSONL
      </Button>
    </Stack>
  );
};

const QueueDetail = () => {
  const queue = useRecordContext<LabelQueue>();
  const dataProvider = useDataProvider<WardenDataProvider>();
  const refresh = useRefresh();
  const [labeling, setLabeling] = useState(false);
  const { canAccess: canLabel } = useCanAccess({ resource: 'label-queues', action: 'label' });
  const { canAccess: canManage } = useCanAccess({ resource: 'label-queues', action: 'download' });
  const open = queue?.status === 'open';

  // `l` opens the labeling panel, so a labeler's whole session can run on the keyboard.
  useEffect(() => {
    if (!canLabel || !open || labeling) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'l' && !(event.target instanceof HTMLInputElement)) {
        event.preventDefault();
        setLabeling(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canLabel, open, labeling]);

  if (!queue) return null;
  const rule = queue.sampling;
  return (
    <Box sx={{ marginRight: labeling ? `${PANEL_WIDTH}px` : 0 }}>
      <Title title={`Labeling queue: ${queue.name}`} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', my: 2 }}>
        <Typography variant="h5" sx={{ flexGrow: 1 }}>
          {queue.name}
        </Typography>
        {canLabel && open && !labeling && (
          <Button variant="contained" startIcon={<Label />} onClick={() => setLabeling(true)}>
            Label items (l)
          </Button>
        )}
        {canManage && open && (
          <Button
            startIcon={<Lock />}
            onClick={() => void dataProvider.closeLabelQueue(queue.id).then(() => refresh())}
          >
            Close queue
          </Button>
        )}
      </Stack>
      {!open && (
        <Alert severity="info" sx={{ mb: 2 }}>
          This queue is closed: its labels stay, no new ones are taken.
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Panel title="Progress" testId="queue-progress">
            <Progress queue={queue} />
            <Typography variant="body2" sx={{ mt: 1 }}>
              {queue.progress.labels} labels, {queue.progress.skipped} skips · {queue.labelsPerItem} label
              {queue.labelsPerItem > 1 ? 's' : ''} per item
            </Typography>
            <Typography variant="body2" color="text.secondary">
              Sampling: {SAMPLING_LABELS[rule.rule]}
              {rule.rule === 'near_threshold' && ` (${rule.category} ± ${rule.band})`}
              {rule.rule === 'uniform' && ` (seed ${rule.seed})`} · target {queue.targetSize} · filter{' '}
              <code>{JSON.stringify(queue.filter)}</code>
            </Typography>
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Panel title="Agreement" subtitle="Cohen's kappa per category, over items two labelers judged">
            <AgreementTable queue={queue} />
          </Panel>
        </Grid>
        {canManage && (
          <Grid size={{ xs: 12 }}>
            <Panel title="Export" subtitle="Labeled items as JSONL, personal data redacted">
              <ExportButtons queue={queue} />
            </Panel>
          </Grid>
        )}
      </Grid>
      {labeling && (
        <LabelingPanel
          queueId={queue.id}
          onClose={() => {
            setLabeling(false);
            refresh();
          }}
        />
      )}
    </Box>
  );
};

export const LabelQueueShow = () => (
  <ShowBase>
    <QueueDetail />
  </ShowBase>
);
