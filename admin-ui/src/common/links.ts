/** Console paths to filtered lists, so every figure and alert leads to the rows behind it. */

type FilterValue = string | number | boolean | null | undefined;

export function listPath(resource: string, filter: Record<string, FilterValue>): string {
  const defined = Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  );
  return `/${resource}?filter=${encodeURIComponent(JSON.stringify(defined))}`;
}

/** The request-log explorer filtered as given (application, key, end user, time window, category…). */
export const requestLogsPath = (filter: Record<string, FilterValue>): string =>
  listPath('request-logs', filter);

/** End users are addressed as `<applicationId>:<endUser>`. */
export const endUserId = (applicationId: string, endUser: string): string => `${applicationId}:${endUser}`;

export const endUserPath = (applicationId: string, endUser: string): string =>
  `/end-users/${encodeURIComponent(endUserId(applicationId, endUser))}/show`;
