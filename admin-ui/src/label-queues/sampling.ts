import type { SamplingRule } from '@warden/contracts';

export const SAMPLING_LABELS: Record<SamplingRule, string> = {
  flagged: 'All flagged',
  near_threshold: 'Near a threshold',
  uniform: 'Uniform random',
  developer_disputed: 'Disputed by the developer',
  end_user_reports: 'End-user reports',
};

export const SAMPLING_CHOICES = Object.entries(SAMPLING_LABELS).map(([id, name]) => ({ id, name }));
