import type {
  GrantStatus,
  RenewalState,
  ResearchProfile,
  ResearchQuestionnaire,
  ResearchQuotas,
  ReviewState,
} from '@warden/contracts';
import type { RaRecord } from 'react-admin';

/** `/admin/research-grants` as the server answers it; the id is the research application's. */
export interface ResearchGrant extends RaRecord<string> {
  name: string;
  organizationId: string;
  organizationName: string;
  reviewState: ReviewState;
  status: GrantStatus;
  questionnaire: ResearchQuestionnaire;
  startsAt: string | null;
  endsAt: string | null;
  daysLeft: number | null;
  quotas: ResearchQuotas;
  profile: ResearchProfile;
  renewal: {
    state: RenewalState;
    requestedEndsAt: string | null;
    reason: string | null;
    requestedAt: string | null;
    decidedAt: string | null;
    rationale: string | null;
    count: number;
  };
  createdAt: string;
  updatedAt: string;
  usage?: { requestsToday: number; tokensToday: number; requestsTotal: number; tokensTotal: number };
  biasRuns?: Array<{
    id: string;
    status: string;
    model: string;
    probeSets: string[];
    createdAt: string;
    finishedAt: string | null;
    attachedAt: string;
  }>;
}
