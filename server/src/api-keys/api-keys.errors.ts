import { WardenError } from '../common/errors';
import { KEY_ENFORCEMENT_REASON_LABELS, KeyEnforcementReason } from '../contracts';

declare module '../common/errors' {
  interface ErrorCodeRegistry {
    apiKeys: ApiKeyErrorCode;
    apiKeyManagement: ApiKeyManagementErrorCode;
  }
}

/** Refusals on `/v1/*`: 401 in OpenAI's envelope. */
export enum ApiKeyErrorCode {
  MissingApiKey = 'missing_api_key',
  InvalidApiKey = 'invalid_api_key',
  KeyRevoked = 'key_revoked',
  KeySuspended = 'key_suspended',
  KeyTerminated = 'key_terminated',
  KeyExpired = 'key_expired',
}

export class ApiKeyError extends WardenError {
  constructor(code: ApiKeyErrorCode, message: string) {
    super(code, message);
  }

  static missing(): ApiKeyError {
    return new ApiKeyError(
      ApiKeyErrorCode.MissingApiKey,
      "You didn't provide an API key. Send it in the Authorization header: `Authorization: Bearer wk-...`.",
    );
  }

  static invalid(masked: string): ApiKeyError {
    return new ApiKeyError(ApiKeyErrorCode.InvalidApiKey, `Incorrect API key provided: ${masked}.`);
  }

  static revoked(masked: string): ApiKeyError {
    return new ApiKeyError(ApiKeyErrorCode.KeyRevoked, `The API key ${masked} has been revoked.`);
  }

  static suspended(masked: string, category: KeyEnforcementReason | null): ApiKeyError {
    const why = category ? ` because of ${KEY_ENFORCEMENT_REASON_LABELS[category]}` : '';
    return new ApiKeyError(
      ApiKeyErrorCode.KeySuspended,
      `The API key ${masked} is suspended by staff${why}, pending review.`,
    );
  }

  /** Names the category staff chose: a compromised key is not a policy violation. */
  static terminated(masked: string, category: KeyEnforcementReason | null): ApiKeyError {
    const why = category ? ` because of ${KEY_ENFORCEMENT_REASON_LABELS[category]}` : '';
    return new ApiKeyError(
      ApiKeyErrorCode.KeyTerminated,
      `The API key ${masked} has been terminated by staff${why}.`,
    );
  }

  static expired(masked: string, at: Date): ApiKeyError {
    return new ApiKeyError(
      ApiKeyErrorCode.KeyExpired,
      `The API key ${masked} expired at ${at.toISOString()}.`,
    );
  }
}

/** Key management failures on the staff and portal APIs. */
export enum ApiKeyManagementErrorCode {
  KeyNotFound = 'key_not_found',
  ApplicationNotFound = 'application_not_found',
  InvalidKeyTransition = 'invalid_key_transition',
  ApplicationNotAcceptingKeys = 'application_not_accepting_keys',
  ExpiryInPast = 'expiry_in_past',
  ApplicationUnderEnforcement = 'application_under_enforcement',
  ActiveKeyLimitReached = 'active_key_limit_reached',
  ExpiryRequired = 'key_expiry_required',
  ExpiryBeyondGrant = 'key_expiry_beyond_grant',
}

export class ApiKeyManagementError extends WardenError {
  constructor(code: ApiKeyManagementErrorCode, message: string) {
    super(code, message);
  }

  static notFound(id: string): ApiKeyManagementError {
    return new ApiKeyManagementError(ApiKeyManagementErrorCode.KeyNotFound, `No API key with id ${id}.`);
  }

  static applicationNotFound(id: string): ApiKeyManagementError {
    return new ApiKeyManagementError(
      ApiKeyManagementErrorCode.ApplicationNotFound,
      `No application with id ${id}.`,
    );
  }

  static invalidTransition(action: string, status: string): ApiKeyManagementError {
    return new ApiKeyManagementError(
      ApiKeyManagementErrorCode.InvalidKeyTransition,
      `A ${status} key cannot be given "${action}".`,
    );
  }

  static applicationNotAcceptingKeys(status: string): ApiKeyManagementError {
    return new ApiKeyManagementError(
      ApiKeyManagementErrorCode.ApplicationNotAcceptingKeys,
      `A ${status} application cannot be given new keys.`,
    );
  }

  static underEnforcement(
    category: KeyEnforcementReason | null,
    reason: string | null,
    since: Date,
  ): ApiKeyManagementError {
    const why = category ? KEY_ENFORCEMENT_REASON_LABELS[category] : 'a staff decision';
    return new ApiKeyManagementError(
      ApiKeyManagementErrorCode.ApplicationUnderEnforcement,
      `New keys for this application are frozen pending staff review since ${since.toISOString()}: staff acted on one of ` +
        `its keys because of ${why}${reason ? ` ("${reason}")` : ''}. Contact the Warden staff to have the review lifted.`,
    );
  }

  static activeKeyLimit(limit: number): ApiKeyManagementError {
    return new ApiKeyManagementError(
      ApiKeyManagementErrorCode.ActiveKeyLimitReached,
      `An application may hold at most ${limit} active keys; revoke one before creating another.`,
    );
  }

  static expiryRequired(bound: Date): ApiKeyManagementError {
    return new ApiKeyManagementError(
      ApiKeyManagementErrorCode.ExpiryRequired,
      `Keys of this application are time-boxed: give an expiresAt no later than ${bound.toISOString()}.`,
    );
  }

  static expiryBeyondBound(bound: Date): ApiKeyManagementError {
    return new ApiKeyManagementError(
      ApiKeyManagementErrorCode.ExpiryBeyondGrant,
      `expiresAt cannot be later than the research grant's end, ${bound.toISOString()}.`,
    );
  }

  static expiryInPast(): ApiKeyManagementError {
    return new ApiKeyManagementError(
      ApiKeyManagementErrorCode.ExpiryInPast,
      'expiresAt must be in the future.',
    );
  }
}
