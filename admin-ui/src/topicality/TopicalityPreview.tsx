import {
  Alert,
  Box,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, type Identifier } from 'react-admin';
import type { WardenDataProvider } from '../dataProvider';

const SOURCES = {
  model: 'the approved topic model',
  proposal: 'the proposed topics',
  questionnaire: 'the questionnaire’s topics (the model approval would build)',
} as const;

/**
 * How the off-topic check judges (or would judge) the application's own sandbox calls: the reviewer sees the
 * share it would stop, and the worst-scoring prompts, before choosing an action for the category.
 */
export const TopicalityPreview = ({
  applicationId,
  proposalId,
}: {
  applicationId: Identifier;
  proposalId?: Identifier;
}) => {
  const dataProvider = useDataProvider<WardenDataProvider>();
  const { data, error, isPending } = useQuery({
    queryKey: ['topicality-preview', applicationId, proposalId],
    queryFn: () => dataProvider.topicalityPreview(applicationId, proposalId),
  });
  if (isPending) return <LinearProgress />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (!data.topics) {
    return (
      <Typography variant="body2" color="text.secondary">
        No topics to judge against.
      </Typography>
    );
  }
  return (
    <Box data-testid="topicality-preview">
      <Typography variant="body2" sx={{ mb: 1 }}>
        Against {SOURCES[data.source]}: <strong>{data.offTopic}</strong> of {data.judged} judged sandbox calls
        off topic ({Math.round(data.offTopicRate * 100)} %) at threshold {data.threshold}; the policy would{' '}
        <strong>{data.action}</strong> them. {data.requests} calls read.
      </Typography>
      {data.items.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>Prompt</TableCell>
              <TableCell align="right">Score</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.items.slice(0, 10).map((item) => (
              <TableRow key={item.requestId} selected={item.offTopic}>
                <TableCell sx={{ wordBreak: 'break-word' }}>{item.text}</TableCell>
                <TableCell align="right">{item.score.toFixed(2)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};
