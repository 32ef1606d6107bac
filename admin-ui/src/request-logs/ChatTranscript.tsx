import Build from '@mui/icons-material/Build';
import { Box, Chip, Stack, Typography } from '@mui/material';
import type { RequestLogMessage } from '@warden/contracts';
import { ACTION_COLORS } from '../common/enums';
import { MarkedSpans, wholeTextVerdicts } from '../common/HighlightedText';
import { mostSevere } from '../common/verdicts';
import type { Verdict } from '../types';
import { answeredTool, roleLabel, toolCallSummary } from './chatMessages';

const ROLE_BORDER: Record<string, string> = {
  system: '#90a4ae',
  developer: '#90a4ae',
  user: '#283593',
  assistant: '#00897b',
  tool: '#ab47bc',
  function: '#ab47bc',
};

/**
 * A chat's messages as a conversation: each under its role, an assistant's tool calls summarised as
 * `name(arguments)`, a tool's answer naming the tool it answers. Input verdicts name the message they judged
 * (`messages.N.content`): their spans are marked in it, and a verdict on its whole text colours its edge.
 */
export const ChatTranscript = ({
  messages,
  verdicts = [],
  maxHeight = 360,
}: {
  messages: RequestLogMessage[];
  verdicts?: Verdict[];
  maxHeight?: number;
}) => (
  <Stack spacing={1} sx={{ maxHeight, overflow: 'auto' }}>
    {messages.map((message, index) => {
      const tool = answeredTool(messages, index);
      const judged = verdicts.filter((verdict) => verdict.param === `messages.${index}.content`);
      const whole = wholeTextVerdicts(judged);
      const flaggedAs = whole.length > 0 ? mostSevere(whole) : undefined;
      return (
        <Box
          key={index}
          data-testid="chat-message"
          data-flagged={flaggedAs}
          sx={{
            borderLeft: `4px solid ${
              flaggedAs ? ACTION_COLORS[flaggedAs].border : (ROLE_BORDER[message.role] ?? '#bdbdbd')
            }`,
            bgcolor: 'action.hover',
            borderRadius: 1,
            px: 1.5,
            py: 1,
          }}
        >
          <Typography variant="caption" color="text.secondary" component="div" sx={{ fontWeight: 600 }}>
            {roleLabel(message.role)}
            {tool ? ` · answer from ${tool}` : message.toolCallId ? ` · answer to ${message.toolCallId}` : ''}
          </Typography>
          {message.content && (
            <Box
              sx={{
                fontFamily: 'monospace',
                fontSize: 13,
                lineHeight: 1.7,
                whiteSpace: 'pre-wrap',
                wordBreak: 'break-word',
              }}
            >
              <MarkedSpans text={message.content} verdicts={judged} />
            </Box>
          )}
          {message.toolCalls?.map((call, callIndex) => (
            <Chip
              key={callIndex}
              icon={<Build />}
              size="small"
              variant="outlined"
              label={`calls ${toolCallSummary(call)}`}
              title={`${call.name}(${call.arguments})`}
              sx={{ mt: 0.5, mr: 0.5, maxWidth: '100%', fontFamily: 'monospace' }}
            />
          ))}
          {!message.content && !message.toolCalls && (
            <Typography variant="body2" color="text.secondary">
              (no text)
            </Typography>
          )}
        </Box>
      );
    })}
  </Stack>
);
