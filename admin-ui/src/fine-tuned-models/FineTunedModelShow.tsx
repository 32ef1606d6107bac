import type { ModelDecision } from '@warden/contracts';
import {
  Button,
  Grid,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Link, Show, useRecordContext } from 'react-admin';
import { EnumChipField } from '@warden/web-common';
import { Panel } from '../common/Panel';
import { useStaffDecision } from '../common/useStaffDecision';
import { TrainingPanels } from '../fine-tuning-jobs/TrainingPanels';
import { type FineTunedModel, MODEL_REVIEW_STATUSES } from './fineTunedModels';

/** Approve for production keys, reject, or retire at once on every instance. */
const ReviewActions = ({ model }: { model: FineTunedModel }) => {
  const [note, setNote] = useState('');
  const { busy, decide } = useStaffDecision<ModelDecision>(
    `/fine-tuned-models/${encodeURIComponent(model.id)}/decisions`,
    (decision) =>
      `Model ${decision === 'approve' ? 'approved' : decision === 'reject' ? 'rejected' : 'retired'}`,
  );
  const pending = model.reviewStatus === 'pending_review';
  const servable = pending || model.reviewStatus === 'approved';
  if (!servable) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <MuiTextField
        size="small"
        label="Note"
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      {pending && (
        <Button
          variant="contained"
          color="success"
          disabled={busy}
          onClick={() => void decide('approve', note || null)}
        >
          Approve
        </Button>
      )}
      {pending && (
        <Button
          variant="outlined"
          color="error"
          disabled={busy}
          onClick={() => void decide('reject', note || null)}
        >
          Reject
        </Button>
      )}
      <Button
        variant="outlined"
        color="warning"
        disabled={busy}
        onClick={() => void decide('retire', note || null)}
      >
        Retire now
      </Button>
    </Stack>
  );
};

const ModelReview = () => {
  const model = useRecordContext<FineTunedModel>();
  if (!model) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={12}>
        <Panel
          title={model.id}
          subtitle={<EnumChipField source="reviewStatus" options={MODEL_REVIEW_STATUSES} />}
          action={<ReviewActions model={model} />}
        >
          <Typography variant="body2">
            Base model {model.baseModel}
            {model.upstreamModel ? ` · served upstream as ${model.upstreamModel}` : ''} · job{' '}
            <Link to={`/fine-tuning-jobs/${encodeURIComponent(model.jobId)}/show`}>{model.jobId}</Link>
            {model.reviewNote ? ` · note: ${model.reviewNote}` : ''}
          </Typography>
        </Panel>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Panel title="Side-by-side samples" subtitle="greedy, the base model against the fine-tuned one">
          <Table size="small" data-testid="samples">
            <TableHead>
              <TableRow>
                <TableCell>Prompt</TableCell>
                <TableCell>Base</TableCell>
                <TableCell>Fine-tuned</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {model.samples.map((sample) => (
                <TableRow key={sample.prompt}>
                  <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{sample.prompt}</TableCell>
                  <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{sample.base}</TableCell>
                  <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{sample.tuned}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Panel>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Panel title="Bias" subtitle="the new model against its base, same probes and seed">
          {model.biasRunId && model.baseBiasRunId ? (
            <Stack spacing={1}>
              <Link to={`/bias-runs/${model.biasRunId}/show`}>Fine-tuned model's run</Link>
              <Link to={`/bias-runs/${model.baseBiasRunId}/show`}>Base model's run</Link>
              <Link to={`/bias-runs/${model.biasRunId}/compare/${model.baseBiasRunId}`}>Compare the two</Link>
            </Stack>
          ) : (
            <Typography variant="body2" color="text.secondary">
              No bias runs attached.
            </Typography>
          )}
        </Panel>
      </Grid>
      {model.job && <TrainingPanels job={model.job} />}
    </Grid>
  );
};

export const FineTunedModelShow = () => (
  <Show>
    <ModelReview />
  </Show>
);
