import { InvalidRequestError, NotFoundError, WardenError } from '../common/errors';

declare module '../common/errors' {
  interface ErrorCodeRegistry {
    feedback: FeedbackErrorCode;
  }
}

export enum FeedbackErrorCode {
  CallNotFound = 'call_not_found',
  UnknownCategory = 'unknown_category',
  QueueNotFound = 'label_queue_not_found',
  QueueClosed = 'label_queue_closed',
  ItemNotFound = 'label_queue_item_not_found',
  ItemComplete = 'label_queue_item_complete',
  AlreadyLabeled = 'already_labeled',
  InvalidExport = 'invalid_export',
  LabelNotFound = 'label_not_found',
}

/** The same answer for another application's call and for no call at all: ids of other tenants do not exist. */
export class CallNotFoundError extends NotFoundError {
  constructor(id: string, param = 'id') {
    super(
      FeedbackErrorCode.CallNotFound,
      `No logged call ${id} for this application. Calls are logged within seconds; retry a moment later if it just finished.`,
      param,
    );
  }
}

export class UnknownCategoryError extends InvalidRequestError {
  constructor(categories: string[], param = 'categories') {
    super(
      FeedbackErrorCode.UnknownCategory,
      `Unknown moderation ${categories.length === 1 ? 'category' : 'categories'}: ${categories.join(', ')}.`,
      param,
    );
  }
}

export class QueueNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(FeedbackErrorCode.QueueNotFound, `No labeling queue ${id}.`, 'id');
  }
}

export class LabelNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(FeedbackErrorCode.LabelNotFound, `No label ${id}.`, 'id');
  }
}

export class ItemNotFoundError extends NotFoundError {
  constructor(queueId: string, requestId: string) {
    super(
      FeedbackErrorCode.ItemNotFound,
      `Call ${requestId} is not an item of queue ${queueId}.`,
      'requestId',
    );
  }
}

export class LabelConflictError extends WardenError {
  static closed(queueId: string): LabelConflictError {
    return new LabelConflictError(FeedbackErrorCode.QueueClosed, `Labeling queue ${queueId} is closed.`);
  }

  static complete(requestId: string): LabelConflictError {
    return new LabelConflictError(
      FeedbackErrorCode.ItemComplete,
      `Call ${requestId} already has all the labels its queue asks for.`,
    );
  }

  static already(requestId: string): LabelConflictError {
    return new LabelConflictError(
      FeedbackErrorCode.AlreadyLabeled,
      `You have already labeled call ${requestId} in this queue.`,
    );
  }
}

export class InvalidExportError extends InvalidRequestError {
  constructor(message: string, param: string) {
    super(FeedbackErrorCode.InvalidExport, message, param);
  }
}
