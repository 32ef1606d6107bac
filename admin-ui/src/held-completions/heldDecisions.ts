import type { HeldDecision } from '../types';

export interface HeldDecisionSpec {
  label: string;
  title: string;
  consequence: string;
  color: 'success' | 'error';
  done: string;
}

export const HELD_DECISIONS: Record<HeldDecision, HeldDecisionSpec> = {
  release: {
    label: 'Release',
    title: 'Release the held output',
    consequence:
      'The developer can fetch the completion as it was generated, and is notified through their webhook.',
    color: 'success',
    done: 'released',
  },
  discard: {
    label: 'Discard',
    title: 'Discard the held output',
    consequence:
      'The completion is never delivered; the developer is told it was discarded, with your reason.',
    color: 'error',
    done: 'discarded',
  },
};
