import type { ResearchGrantView } from '@warden/contracts';
import type { RaRecord } from 'react-admin';

/** `/admin/research-grants` as the server answers it (the shape lives in contracts/). */
export interface ResearchGrant extends RaRecord<string>, ResearchGrantView {
  id: string;
}
