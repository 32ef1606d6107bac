import { availableKeyActions as contractKeyActions } from '@warden/contracts';
import type { KeyAction, KeyStatus } from '../types';

export interface KeyActionSpec {
  label: string;
  title: string;
  /** What happens, in one sentence the reviewer reads before confirming. */
  consequence: string;
  color: 'primary' | 'warning' | 'error' | 'success' | 'inherit';
  reasonRequired: boolean;
  /** Staff pick the reason category the developer's 401 names (suspension and termination). */
  categorized: boolean;
}

export const KEY_ACTIONS: Record<KeyAction, KeyActionSpec> = {
  rotate: {
    label: 'Rotate',
    title: 'Rotate this key',
    consequence: 'A new secret replaces this one; the old secret stops working.',
    color: 'primary',
    reasonRequired: false,
    categorized: false,
  },
  suspend: {
    label: 'Suspend',
    title: 'Suspend this key',
    consequence: 'Calls with this key are refused on every api instance at once, until it is unsuspended.',
    color: 'warning',
    reasonRequired: true,
    categorized: true,
  },
  unsuspend: {
    label: 'Unsuspend',
    title: 'Unsuspend this key',
    consequence: 'Calls with this key are served again.',
    color: 'success',
    reasonRequired: false,
    categorized: false,
  },
  revoke: {
    label: 'Revoke',
    title: 'Revoke this key',
    consequence: 'The key stops working for good; the developer can be issued a new one.',
    color: 'warning',
    reasonRequired: true,
    categorized: false,
  },
  terminate: {
    label: 'Terminate',
    title: 'Terminate this key',
    consequence:
      'The key is refused on every api instance at once, permanently, with the code key_terminated. This cannot be undone.',
    color: 'error',
    reasonRequired: true,
    categorized: true,
  },
};

/** The operations a key's status allows: the contract's transition table, the one the server enforces. */
export function availableKeyActions(status: KeyStatus): KeyAction[] {
  return contractKeyActions(status);
}
