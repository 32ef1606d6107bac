import { WardenError } from '../common/errors';

declare module '../common/errors' {
  interface ErrorCodeRegistry {
    topicality: TopicalityErrorCode;
  }
}

/** Failures of the topic endpoints of the portal and staff APIs. */
export enum TopicalityErrorCode {
  ProposalNotFound = 'topic_proposal_not_found',
  /** Topics change by proposal only once approved; before that the developer edits the questionnaire. */
  NotApproved = 'topics_not_approved',
  ProposalPending = 'topic_proposal_pending',
  ProposalDecided = 'topic_proposal_decided',
}

export class TopicalityError extends WardenError {
  constructor(code: TopicalityErrorCode, message: string) {
    super(code, message);
  }

  static proposalNotFound(id: string): TopicalityError {
    return new TopicalityError(TopicalityErrorCode.ProposalNotFound, `No topic proposal with id ${id}.`);
  }

  static notApproved(): TopicalityError {
    return new TopicalityError(
      TopicalityErrorCode.NotApproved,
      'Topics of an application that is not approved are part of its questionnaire: edit the questionnaire instead.',
    );
  }

  static pending(): TopicalityError {
    return new TopicalityError(
      TopicalityErrorCode.ProposalPending,
      'This application already has a topic proposal waiting for review.',
    );
  }

  static decided(status: string): TopicalityError {
    return new TopicalityError(
      TopicalityErrorCode.ProposalDecided,
      `This topic proposal is already ${status}.`,
    );
  }
}
