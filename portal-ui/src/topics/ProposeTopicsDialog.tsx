import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Typography,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { Form, TextInput, useDataProvider, useNotify, useRefresh } from 'react-admin';
import { formatLines, parseLines } from '../common/form';
import type { PortalDataProvider } from '../dataProvider';
import type { Application, Topics } from '../types';
import { toTopics, validateTopics } from './topicsForm';

const EMPTY: Topics = { examplePrompts: [], allowedTopics: [], forbiddenTopics: [] };

const LinesInput = ({
  source,
  label,
  helperText,
}: {
  source: keyof Topics;
  label: string;
  helperText: string;
}) => (
  <TextInput
    source={source}
    label={label}
    helperText={helperText}
    multiline
    minRows={3}
    format={formatLines}
    parse={parseLines}
  />
);

/**
 * A complete new set of topics, starting from the current one; staff review it and, on approval, the application's
 * topic model is rebuilt from it. The server's refusal (one pending proposal at a time, approved applications
 * only) is shown in the dialog as it wrote it.
 */
export const ProposeTopicsDialog = ({
  application,
  current,
  open,
  onClose,
}: {
  application: Application;
  current: Topics | null;
  open: boolean;
  onClose: () => void;
}) => {
  const dataProvider = useDataProvider<PortalDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { mutate, isPending, error, reset } = useMutation({
    mutationFn: (values: Partial<Topics>) => dataProvider.proposeTopics(application.id, toTopics(values)),
    onSuccess: () => {
      notify('Proposal sent for staff review', { type: 'success' });
      onClose();
      refresh();
    },
  });
  return (
    <Dialog
      open={open}
      onClose={onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="propose-topics-title"
      slotProps={{ transition: { onExited: reset } }}
    >
      <Form
        record={current ?? EMPTY}
        validate={validateTopics}
        onSubmit={(values: Partial<Topics>) => mutate(values)}
        noValidate
      >
        <DialogTitle id="propose-topics-title">Propose new topics</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            The complete set the off-topic check should judge prompts against, one per line. Staff review it;
            until they approve it, the current topics apply.
          </Typography>
          {error && (
            <Alert severity="error" sx={{ mb: 2 }} data-testid="proposal-error">
              {error.message}
            </Alert>
          )}
          <LinesInput
            source="examplePrompts"
            label="Example prompts"
            helperText="Prompts your end users would really send (3 characters or more each)."
          />
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 }}>
            <LinesInput source="allowedTopics" label="Allowed topics" helperText="E.g. “essay structure”." />
            <LinesInput
              source="forbiddenTopics"
              label="Forbidden topics"
              helperText="Subjects end users must not get answers on."
            />
          </Box>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={isPending}>
            Send proposal
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
};
