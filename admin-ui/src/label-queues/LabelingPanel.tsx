import Close from '@mui/icons-material/Close';
import {
  Alert,
  Box,
  Chip,
  Dialog,
  DialogContent,
  DialogTitle,
  Divider,
  Drawer,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import type { WardenDataProvider } from '../dataProvider';
import {
  agree,
  categoriesOf,
  cycle,
  disagree,
  isFalsePositive,
  judged,
  type Truth,
  verdictSays,
} from './judgment';
import type { QueueItem } from './types';

export const PANEL_WIDTH = 520;

const SHORTCUTS: Array<[string, string]> = [
  ['1 – 9', 'cycle a category: in it → not in it → not judged'],
  ['a', 'agree with the verdict on every category it judged'],
  ['d', 'disagree with the verdict (a denied flag refunds the end user’s strikes)'],
  ['s', 'skip this item'],
  ['Enter', 'save and go to the next item'],
  ['c', 'write a comment'],
  ['?', 'show or hide this help'],
  ['Esc', 'close the panel'],
];

const TruthChip = ({ truth }: { truth: Truth }) =>
  truth === undefined ? (
    <Chip size="small" label="not judged" variant="outlined" />
  ) : truth ? (
    <Chip size="small" label="in it" color="error" />
  ) : (
    <Chip size="small" label="not in it" color="success" />
  );

/**
 * Works a queue's items one by one beside the queue (the demo's review panel), keyboard first: every judgment has
 * a key, and Enter saves and loads the next item the labeler has not labeled.
 */
export const LabelingPanel = ({ queueId, onClose }: { queueId: string; onClose: () => void }) => {
  const dataProvider = useDataProvider<WardenDataProvider>();
  const notify = useNotify();
  const [item, setItem] = useState<QueueItem | null | undefined>(undefined);
  const [truths, setTruths] = useState<Record<string, Truth>>({});
  const [comment, setComment] = useState('');
  const [help, setHelp] = useState(false);
  const [saving, setSaving] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);

  const load = useCallback(async () => {
    setItem(undefined);
    setTruths({});
    setComment('');
    try {
      setItem(await dataProvider.nextLabelItem(queueId));
    } catch (error) {
      notify(`Could not load the next item: ${error instanceof Error ? error.message : String(error)}`, {
        type: 'error',
      });
      setItem(null);
    }
  }, [dataProvider, notify, queueId]);

  useEffect(() => {
    void load();
  }, [load]);

  const submit = useCallback(
    async (skip: boolean) => {
      if (!item || saving) return;
      setSaving(true);
      try {
        const categories = judged(truths);
        await dataProvider.labelItem(
          queueId,
          item.requestId,
          skip
            ? { skip: true, ...(comment ? { comment } : {}) }
            : {
                categories,
                falsePositive: isFalsePositive(item, categories),
                ...(comment ? { comment } : {}),
              },
        );
        await load();
      } catch (error) {
        notify(`Not saved: ${error instanceof Error ? error.message : String(error)}`, { type: 'error' });
      } finally {
        setSaving(false);
      }
    },
    [comment, dataProvider, item, load, notify, queueId, saving, truths],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      if (typing) {
        if (event.key === 'Escape') (event.target as HTMLElement).blur();
        return;
      }
      if (event.key === '?') return setHelp((shown) => !shown);
      if (event.key === 'Escape') return help ? setHelp(false) : onClose();
      if (!item) return;
      const categories = categoriesOf(item);
      if (/^[1-9]$/.test(event.key)) {
        const category = categories[Number(event.key) - 1];
        if (category) setTruths((current) => ({ ...current, [category]: cycle(current[category]) }));
      } else if (event.key === 'a') {
        setTruths((current) => ({ ...current, ...agree(item) }));
      } else if (event.key === 'd') {
        setTruths((current) => ({ ...current, ...disagree(item) }));
      } else if (event.key === 's') {
        void submit(true);
      } else if (event.key === 'Enter') {
        void submit(false);
      } else if (event.key === 'c') {
        commentRef.current?.focus();
      } else {
        return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [help, item, onClose, submit]);

  return (
    <Drawer
      variant="persistent"
      anchor="right"
      open
      sx={{ '& .MuiDrawer-paper': { width: PANEL_WIDTH, p: 2, pt: 9 } }}
      data-testid="labeling-panel"
    >
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" sx={{ flexGrow: 1 }}>
          Labeling
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ mr: 1 }}>
          ? for shortcuts
        </Typography>
        <IconButton aria-label="Close" onClick={onClose} size="small">
          <Close />
        </IconButton>
      </Stack>
      {item === undefined && <Typography color="text.secondary">Loading…</Typography>}
      {item === null && (
        <Alert severity="success" data-testid="queue-done">
          Nothing left for you in this queue.
        </Alert>
      )}
      {item && (
        <Box data-testid="labeling-item" data-request-id={item.requestId}>
          <Typography variant="caption" color="text.secondary">
            Item {item.position} · {item.remaining} left for you · {item.endpoint}
            {item.model ? ` · ${item.model}` : ''}
          </Typography>
          <Typography variant="overline" component="div">
            Prompt
          </Typography>
          <Typography
            variant="body2"
            sx={{
              whiteSpace: 'pre-wrap',
              bgcolor: 'action.hover',
              p: 1,
              borderRadius: 1,
              maxHeight: 180,
              overflow: 'auto',
            }}
          >
            {item.prompt ?? '(no text)'}
          </Typography>
          {item.output !== null && (
            <>
              <Typography variant="overline" component="div">
                Output
              </Typography>
              <Typography
                variant="body2"
                sx={{
                  whiteSpace: 'pre-wrap',
                  bgcolor: 'action.hover',
                  p: 1,
                  borderRadius: 1,
                  maxHeight: 140,
                  overflow: 'auto',
                }}
              >
                {item.output || '(empty)'}
              </Typography>
            </>
          )}
          <Divider sx={{ my: 1 }} />
          <Table size="small">
            <TableBody>
              {categoriesOf(item).map((category, index) => {
                const verdict = item.verdicts.filter((v) => v.category === category);
                const best = verdict.reduce<number | null>(
                  (max, v) => (max === null || v.score > max ? v.score : max),
                  null,
                );
                const threshold = item.thresholds[category]?.input ?? item.thresholds[category]?.output;
                return (
                  <TableRow key={category} data-testid={`category-${category}`}>
                    <TableCell sx={{ width: 28, color: 'text.secondary' }}>
                      {index < 9 ? index + 1 : ''}
                    </TableCell>
                    <TableCell>
                      {category}
                      {verdict.length > 0 && (
                        <Typography variant="caption" color="text.secondary" component="div">
                          score {best?.toFixed(2)}
                          {threshold !== undefined ? ` / threshold ${threshold.toFixed(2)}` : ''} ·{' '}
                          {verdictSays(item.verdicts, category) ? 'verdict: in it' : 'verdict: not in it'}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell align="right">
                      <TruthChip truth={truths[category]} />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <TextField
            inputRef={commentRef}
            label="Comment (c)"
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            multiline
            minRows={2}
            fullWidth
            size="small"
            sx={{ mt: 1 }}
          />
          <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
            Enter saves and moves on · s skips · a agrees · d disagrees
          </Typography>
        </Box>
      )}
      <Dialog open={help} onClose={() => setHelp(false)}>
        <DialogTitle>Keyboard shortcuts</DialogTitle>
        <DialogContent>
          <Table size="small">
            <TableBody>
              {SHORTCUTS.map(([key, meaning]) => (
                <TableRow key={key}>
                  <TableCell>
                    <kbd>{key}</kbd>
                  </TableCell>
                  <TableCell>{meaning}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </DialogContent>
      </Dialog>
    </Drawer>
  );
};
