import { Box, Chip, Stack, Typography } from '@mui/material';
import type { Topics } from '@warden/contracts';

const LISTS: { key: keyof Topics; label: string; color: 'default' | 'success' | 'error' }[] = [
  { key: 'allowedTopics', label: 'Allowed topics', color: 'success' },
  { key: 'forbiddenTopics', label: 'Forbidden topics', color: 'error' },
];

/** An application's topics: allowed and forbidden as chips, example prompts as a list. */
export const TopicLists = ({ topics }: { topics: Partial<Topics> | null | undefined }) => {
  if (!topics || ((topics.examplePrompts?.length ?? 0) === 0 && (topics.allowedTopics?.length ?? 0) === 0)) {
    return (
      <Typography variant="body2" color="text.secondary">
        No topics: the application has no topic model, so the off-topic check gives it no verdict.
      </Typography>
    );
  }
  return (
    <Stack spacing={1.5} data-testid="topic-lists">
      {LISTS.map(({ key, label, color }) => (
        <Box key={key}>
          <Typography variant="caption" color="text.secondary">
            {label}
          </Typography>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
            {(topics[key] ?? []).length === 0 ? (
              <Typography variant="body2">—</Typography>
            ) : (
              (topics[key] ?? []).map((topic) => (
                <Chip key={topic} label={topic} size="small" color={color} />
              ))
            )}
          </Stack>
        </Box>
      ))}
      <Box>
        <Typography variant="caption" color="text.secondary">
          Example prompts
        </Typography>
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {(topics.examplePrompts ?? []).map((prompt) => (
            <Typography component="li" variant="body2" key={prompt}>
              {prompt}
            </Typography>
          ))}
        </Box>
      </Box>
    </Stack>
  );
};
