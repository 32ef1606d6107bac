import {
  ApplicationStatus,
  availableDecisions,
  CHECKLIST_ITEMS,
  decide,
  Decision,
  missingChecklistItems,
  ReviewState,
  WorkflowState,
} from '../contracts';
import { isEditableByDeveloper, submit } from './review-workflow';

const state = (reviewState: ReviewState, status: ApplicationStatus): WorkflowState => ({
  reviewState,
  status,
});

describe('review workflow', () => {
  it('runs draft → submitted → in_review → approved, going live on approval', () => {
    const submitted = submit(state(ReviewState.Draft, ApplicationStatus.Sandbox))!;
    expect(submitted).toEqual(state(ReviewState.Submitted, ApplicationStatus.Sandbox));
    const inReview = decide(submitted, Decision.StartReview)!;
    expect(inReview).toEqual(state(ReviewState.InReview, ApplicationStatus.Sandbox));
    expect(decide(inReview, Decision.Approve)).toEqual(state(ReviewState.Approved, ApplicationStatus.Live));
  });

  it('refuses to skip states', () => {
    expect(decide(state(ReviewState.Draft, ApplicationStatus.Sandbox), Decision.StartReview)).toBeNull();
    expect(decide(state(ReviewState.Submitted, ApplicationStatus.Sandbox), Decision.Approve)).toBeNull();
    expect(decide(state(ReviewState.Draft, ApplicationStatus.Sandbox), Decision.Approve)).toBeNull();
    expect(decide(state(ReviewState.Submitted, ApplicationStatus.Sandbox), Decision.Reject)).toBeNull();
    expect(decide(state(ReviewState.Approved, ApplicationStatus.Live), Decision.Approve)).toBeNull();
  });

  it('lets changes_requested go back to submitted, and only by the developer', () => {
    const changes = decide(state(ReviewState.InReview, ApplicationStatus.Sandbox), Decision.RequestChanges)!;
    expect(changes.reviewState).toBe(ReviewState.ChangesRequested);
    expect(isEditableByDeveloper(changes)).toBe(true);
    expect(submit(changes)!.reviewState).toBe(ReviewState.Submitted);
    expect(submit(state(ReviewState.InReview, ApplicationStatus.Sandbox))).toBeNull();
    expect(submit(state(ReviewState.Rejected, ApplicationStatus.Sandbox))).toBeNull();
  });

  it('suspends and reinstates only live applications', () => {
    const live = state(ReviewState.Approved, ApplicationStatus.Live);
    const suspended = decide(live, Decision.Suspend)!;
    expect(suspended.status).toBe(ApplicationStatus.Suspended);
    expect(decide(suspended, Decision.Reinstate)).toEqual(live);
    expect(decide(live, Decision.Reinstate)).toBeNull();
    expect(decide(state(ReviewState.Submitted, ApplicationStatus.Sandbox), Decision.Suspend)).toBeNull();
  });

  it('terminates from anywhere, and nothing leaves termination', () => {
    for (const from of [
      state(ReviewState.Draft, ApplicationStatus.Sandbox),
      state(ReviewState.InReview, ApplicationStatus.Sandbox),
      state(ReviewState.Approved, ApplicationStatus.Live),
      state(ReviewState.Approved, ApplicationStatus.Suspended),
      state(ReviewState.Rejected, ApplicationStatus.Sandbox),
    ]) {
      const terminated = decide(from, Decision.Terminate)!;
      expect(terminated.status).toBe(ApplicationStatus.Terminated);
      for (const decision of Object.values(Decision)) {
        expect(decide(terminated, decision)).toBeNull();
      }
      expect(submit(terminated)).toBeNull();
    }
  });

  it('blocks an approval unless every checklist item is answered yes, and nothing else', () => {
    expect(missingChecklistItems(Decision.Approve, {})).toEqual([...CHECKLIST_ITEMS]);
    expect(
      missingChecklistItems(Decision.Approve, {
        useCaseAcceptable: true,
        mitigationsAdequate: true,
        userAuthenticationOk: true,
        volumeReasonable: false,
      }),
    ).toEqual(['volumeReasonable']);
    expect(
      missingChecklistItems(
        Decision.Approve,
        Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item, true])),
      ),
    ).toEqual([]);
    expect(missingChecklistItems(Decision.Reject, { useCaseAcceptable: false })).toEqual([]);
  });

  it('offers exactly the decisions the state machine accepts', () => {
    expect(availableDecisions(state(ReviewState.InReview, ApplicationStatus.Sandbox)).sort()).toEqual(
      [Decision.Approve, Decision.RequestChanges, Decision.Reject, Decision.Terminate].sort(),
    );
    expect(availableDecisions(state(ReviewState.Approved, ApplicationStatus.Terminated))).toEqual([]);
  });
});
