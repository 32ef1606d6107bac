import PersonSearch from '@mui/icons-material/PersonSearch';
import { Box, Button, Grid, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  DateField,
  Link,
  ListButton,
  ReferenceField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { FULL_DATETIME } from '@warden/web-common';
import { formatCount, formatMs } from '../common/format';
import { HighlightedText, HighlightLegend } from '../common/HighlightedText';
import { endUserPath, requestLogsPath } from '../common/links';
import { Panel } from '../common/Panel';
import { VerdictTable } from '../common/VerdictTable';
import { asVerdicts } from '../common/verdicts';
import type { RequestLog, Verdict } from '../types';
import { ChatTranscript } from './ChatTranscript';
import { StatusCodeField } from './RequestLogList';

const Meta = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box sx={{ minWidth: 120 }}>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Box sx={{ typography: 'body2' }}>{children}</Box>
  </Box>
);

const Metadata = () => {
  const record = useRecordContext<RequestLog>();
  if (!record) return null;
  return (
    <Panel
      title="Call"
      subtitle={
        <Box component="span" sx={{ fontFamily: 'monospace' }}>
          {record.id}
        </Box>
      }
    >
      <Stack direction="row" useFlexGap spacing={3} sx={{ flexWrap: 'wrap', rowGap: 1.5 }}>
        <Meta label="When">
          <DateField source="createdAt" showTime options={FULL_DATETIME} />
        </Meta>
        <Meta label="Endpoint">
          <Box component="span" sx={{ fontFamily: 'monospace' }}>
            {record.endpoint}
            {record.stream ? ' (stream)' : ''}
          </Box>
        </Meta>
        <Meta label="Application">
          <ReferenceField source="applicationId" reference="applications" link="show" emptyText="—">
            <TextField source="name" />
          </ReferenceField>
        </Meta>
        <Meta label="Key">
          <ReferenceField source="apiKeyId" reference="api-keys" link="show" emptyText="—">
            <TextField source="name" />
          </ReferenceField>
        </Meta>
        <Meta label="End user">
          {record.endUser && record.applicationId ? (
            <Link to={endUserPath(record.applicationId, record.endUser)}>{record.endUser}</Link>
          ) : (
            (record.endUser ?? '—')
          )}
        </Meta>
        <Meta label="Model">{record.model ?? '—'}</Meta>
        <Meta label="Status">
          <StatusCodeField />
        </Meta>
        <Meta label="Error">{record.errorCode ?? '—'}</Meta>
        <Meta label="Finish">{record.finishReasons?.join(', ') || '—'}</Meta>
        <Meta label="Tokens (prompt → output)">
          {formatCount(record.promptTokens)} → {formatCount(record.completionTokens)}
        </Meta>
        <Meta label="Latency">{formatMs(record.latencyMs)}</Meta>
        <Meta label="First token">{formatMs(record.timeToFirstTokenMs)}</Meta>
        <Meta label="Client address">
          <Box component="span" sx={{ fontFamily: 'monospace' }}>
            {record.clientIp ?? '—'}
          </Box>
        </Meta>
      </Stack>
    </Panel>
  );
};

/**
 * Verdicts whose spans index the prompt as shown: the only or first prompt (a list is shown joined, so a later
 * prompt's offsets would land elsewhere; the verdict table names it), and verdicts logged before they named their text.
 */
const judgesPromptText = (verdict: Verdict) =>
  verdict.param === undefined || verdict.param === 'prompt' || verdict.param === 'prompt.0';

/**
 * What the model read besides the prompt or the messages' text: a completion's suffix, a chat's names, tool
 * definitions, non-text content parts and response format. Each was moderated as its own text, so the verdicts
 * naming its parameter mark it.
 */
const AlsoSentToModel = ({ record, verdicts }: { record: RequestLog; verdicts: Verdict[] }) => {
  const fields = [
    ...(record.suffix !== null ? [{ param: 'suffix', text: record.suffix }] : []),
    ...(record.forwarded ?? []),
  ];
  if (fields.length === 0) return null;
  return (
    <Grid size={{ xs: 12, lg: 6 }}>
      <Panel title="Also sent to the model" testId="forwarded-panel">
        <Stack spacing={1.5}>
          {fields.map((field, index) => (
            <Box key={`${field.param}-${index}`}>
              <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                {field.param}
              </Typography>
              <HighlightedText
                text={field.text}
                verdicts={verdicts.filter((verdict) => verdict.param === field.param)}
              />
            </Box>
          ))}
        </Stack>
      </Panel>
    </Grid>
  );
};

const Texts = () => {
  const record = useRecordContext<RequestLog>();
  if (!record) return null;
  const verdicts = asVerdicts(record.verdicts);
  const input = verdicts.filter((verdict) => verdict.direction === 'input');
  const output = verdicts.filter((verdict) => verdict.direction === 'output');
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 6 }}>
        {record.messages ? (
          <Panel
            title={`Messages (${record.messages.length})`}
            action={<HighlightLegend verdicts={input} />}
            testId="prompt-panel"
          >
            <ChatTranscript messages={record.messages} verdicts={input} />
          </Panel>
        ) : (
          <Panel title="Prompt" action={<HighlightLegend verdicts={input} />} testId="prompt-panel">
            <HighlightedText text={record.prompt} verdicts={input.filter(judgesPromptText)} />
          </Panel>
        )}
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <Panel title="Output" action={<HighlightLegend verdicts={output} />} testId="output-panel">
          <HighlightedText
            text={record.output}
            verdicts={output}
            emptyText="No output (refused or failed)."
          />
        </Panel>
      </Grid>
      <AlsoSentToModel record={record} verdicts={input} />
      <Grid size={12}>
        <Panel
          title="Verdicts"
          subtitle="Every check that scored the call; triggered verdicts first. The mark on each bar is the threshold."
        >
          <VerdictTable verdicts={verdicts} />
        </Panel>
      </Grid>
    </Grid>
  );
};

const SameEndUserButton = () => {
  const record = useRecordContext<RequestLog>();
  if (!record?.endUser) return null;
  return (
    <Button
      component={Link}
      to={requestLogsPath({ applicationId: record.applicationId, endUser: record.endUser })}
      startIcon={<PersonSearch />}
      size="small"
    >
      This end user's calls
    </Button>
  );
};

const Actions = () => (
  <TopToolbar>
    <SameEndUserButton />
    <ListButton label="Request log" />
  </TopToolbar>
);

/** One call: who made it, what was asked and answered with the verdicts' spans marked, and every verdict. */
export const RequestLogShow = () => (
  <Show<RequestLog> title="Request" actions={<Actions />} component="div">
    <Stack spacing={2}>
      <Metadata />
      <Texts />
    </Stack>
  </Show>
);
