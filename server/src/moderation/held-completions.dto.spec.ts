import { heldCompletionBodySchema, heldCompletionResponseSchema, HeldStatus } from '../contracts';
import { toCompletionResponse } from '../v1/completions.dto';
import type { HeldCompletionRow } from './held-completions.repository';
import type { HeldCompletionAdminRow } from './held-completions.service';
import { toHeldCompletionResponse, toHeldCompletionStaffResponse } from './held-completions.dto';

/** The completion exactly as the completion path stores it for a held call. */
const stored = toCompletionResponse(
  'cmpl-7f3a',
  1_793_000_000,
  'stories260K',
  [
    { index: 1, text: 'the second one', finish_reason: 'length', logprobs: null },
    { index: 0, text: 'Once upon a time', finish_reason: 'stop', logprobs: null },
  ],
  { prompt_tokens: 4, completion_tokens: 9, total_tokens: 13 },
);
const verdict = {
  check: 'classifier',
  category: 'violence',
  score: 0.91,
  direction: 'output' as const,
  threshold: 0.5,
  triggered: true,
  action: 'hold' as const,
};

const adminRow = (overrides: Partial<HeldCompletionAdminRow> = {}): HeldCompletionAdminRow => ({
  id: 'held_4f1c2a9b0e7d6c5b4a39281f',
  requestId: 'req_7f3a',
  applicationId: '3d5e0c55-3f0e-4c61-b1d7-7a3c0e9f0a01',
  applicationName: 'Support bot',
  apiKeyId: '5a1e0c55-3f0e-4c61-b1d7-7a3c0e9f0a02',
  endUser: 'user-17',
  model: 'stories260K',
  prompt: 'Tell me a story',
  response: stored,
  verdicts: [verdict],
  status: HeldStatus.Pending,
  decidedBy: null,
  decisionReason: null,
  decidedAt: null,
  createdAt: new Date('2026-11-02T10:00:00Z'),
  ...overrides,
});

const developerRow = (overrides: Partial<HeldCompletionRow> = {}): HeldCompletionRow => ({
  id: 'held_4f1c2a9b0e7d6c5b4a39281f',
  request_id: 'req_7f3a',
  application_id: '3d5e0c55-3f0e-4c61-b1d7-7a3c0e9f0a01',
  status: 'released',
  prompt: 'Tell me a story',
  response: stored,
  decision_reason: 'a story, not violence',
  decided_at: new Date('2026-11-02T10:05:00Z'),
  created_at: new Date('2026-11-02T10:00:00Z'),
  ...overrides,
});

describe('held-completion contract', () => {
  it('accepts a held output as staff read it, with the stored completion and its verdicts', () => {
    const held = heldCompletionResponseSchema.parse(toHeldCompletionStaffResponse(adminRow()));
    expect(held.response?.choices.map((choice) => choice.text)).toEqual([
      'the second one',
      'Once upon a time',
    ]);
    expect(held.verdicts).toEqual([verdict]);
    const decided = toHeldCompletionStaffResponse(
      adminRow({
        status: HeldStatus.Discarded,
        decidedBy: 'reviewer@example.com',
        decisionReason: 'harmful',
        decidedAt: new Date('2026-11-02T10:05:00Z'),
        response: null,
        verdicts: null,
      }),
    );
    expect(heldCompletionResponseSchema.parse(decided).decidedAt).toBe('2026-11-02T10:05:00.000Z');
  });

  it('refuses the raw row, unknown fields, unknown statuses and verdicts the request log does not write', () => {
    expect(heldCompletionResponseSchema.safeParse(adminRow()).success).toBe(false);
    const mapped = toHeldCompletionStaffResponse(adminRow());
    expect(heldCompletionResponseSchema.safeParse({ ...mapped, apiKeyHash: 'ab12' }).success).toBe(false);
    expect(heldCompletionResponseSchema.safeParse({ ...mapped, status: 'escalated' }).success).toBe(false);
    expect(
      heldCompletionResponseSchema.safeParse({ ...mapped, verdicts: [{ ...verdict, action: 'quarantine' }] })
        .success,
    ).toBe(false);
    expect(
      heldCompletionResponseSchema.safeParse({ ...mapped, response: { id: 'cmpl-7f3a', choices: [] } })
        .success,
    ).toBe(false);
  });

  it('accepts the body a developer polls: the completion only once released, instants in Unix seconds', () => {
    const released = heldCompletionBodySchema.parse(toHeldCompletionResponse(developerRow()));
    expect(released).toMatchObject({ status: 'released', created: 1_793_613_600, decided_at: 1_793_613_900 });
    expect(released.completion).toEqual(stored);
    const pending = toHeldCompletionResponse(
      developerRow({ status: 'pending', decided_at: null, decision_reason: null }),
    );
    expect(heldCompletionBodySchema.parse(pending).completion).toBe(null);
  });

  it('refuses the developer the raw row, unknown fields and unknown statuses', () => {
    expect(heldCompletionBodySchema.safeParse(developerRow()).success).toBe(false);
    const mapped = toHeldCompletionResponse(developerRow());
    expect(
      heldCompletionBodySchema.safeParse({ ...mapped, decided_by: 'reviewer@example.com' }).success,
    ).toBe(false);
    expect(heldCompletionBodySchema.safeParse({ ...mapped, status: 'escalated' }).success).toBe(false);
  });
});
