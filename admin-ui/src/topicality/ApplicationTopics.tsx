import { Divider, Stack } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { TopicLists } from '@warden/web-common';
import type { Application } from '../types';
import { TopicalityPreview } from './TopicalityPreview';

/** The application's topics (as filed, or as last approved) and how the off-topic check judges its sandbox calls. */
export const ApplicationTopics = () => {
  const record = useRecordContext<Application>();
  if (!record) return null;
  return (
    <Stack spacing={2}>
      <TopicLists topics={record.questionnaire} />
      <Divider />
      <TopicalityPreview applicationId={record.id} />
    </Stack>
  );
};
