import { OpenAiErrorType, WardenError } from '../common/errors';

export enum ApiKeyErrorCode {
  MissingApiKey = 'missing_api_key',
  InvalidApiKey = 'invalid_api_key',
  KeyRevoked = 'key_revoked',
}

export class ApiKeyError extends WardenError {
  readonly status = 401;
  readonly type = OpenAiErrorType.InvalidRequest;

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
}
