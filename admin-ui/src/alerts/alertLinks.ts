import { requestLogsPath } from '../common/links';
import type { Alert } from '../types';

/** The calls an alert is about: its application (and key), from the start of the rule's window. */
export const alertLogsPath = (alert: Alert): string =>
  requestLogsPath({
    applicationId: alert.applicationId,
    apiKeyId: alert.apiKeyId,
    createdAfter: alert.windowStart,
  });
