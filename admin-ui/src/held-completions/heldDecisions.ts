import Block from '@mui/icons-material/Block';
import Send from '@mui/icons-material/Send';
import type { DecisionSpec } from '../common/PendingDecisionButtons';
import type { HeldDecision } from '../types';

export const HELD_DECISIONS: Record<HeldDecision, DecisionSpec> = {
  release: {
    label: 'Release',
    title: 'Release the held output',
    consequence:
      'The developer can fetch the completion as it was generated, and is notified through their webhook.',
    color: 'success',
    done: 'released',
    icon: Send,
  },
  discard: {
    label: 'Discard',
    title: 'Discard the held output',
    consequence:
      'The completion is never delivered; the developer is told it was discarded, with your reason.',
    color: 'error',
    done: 'discarded',
    icon: Block,
  },
};
