import { WardenError } from '../common/errors';

declare module '../common/errors' {
  interface ErrorCodeRegistry {
    researchGrants: ResearchGrantErrorCode;
    researchAccess: ResearchAccessErrorCode;
  }
}

/** Failures of the staff and portal APIs on research grants. */
export enum ResearchGrantErrorCode {
  GrantNotFound = 'research_grant_not_found',
  DatesLocked = 'grant_dates_locked',
  NoRenewalPending = 'no_renewal_pending',
  RenewalPending = 'renewal_already_pending',
  RenewalNotLater = 'renewal_not_later',
  GrantNotApproved = 'grant_not_approved',
  BiasRunNotFound = 'bias_run_not_found',
  UnknownCategory = 'unknown_category',
  InvalidDates = 'invalid_grant_dates',
}

export class ResearchGrantError extends WardenError {
  constructor(code: ResearchGrantErrorCode, message: string) {
    super(code, message);
  }

  static notFound(id: string): ResearchGrantError {
    return new ResearchGrantError(ResearchGrantErrorCode.GrantNotFound, `No research grant with id ${id}.`);
  }

  static invalidDates(): ResearchGrantError {
    return new ResearchGrantError(ResearchGrantErrorCode.InvalidDates, 'endsAt must be after startsAt.');
  }

  static datesLocked(): ResearchGrantError {
    return new ResearchGrantError(
      ResearchGrantErrorCode.DatesLocked,
      'The grant is approved: its dates change only through a renewal (POST /admin/research-grants/:id/renewal).',
    );
  }

  static noRenewalPending(): ResearchGrantError {
    return new ResearchGrantError(ResearchGrantErrorCode.NoRenewalPending, 'No renewal request is pending.');
  }

  static renewalPending(): ResearchGrantError {
    return new ResearchGrantError(
      ResearchGrantErrorCode.RenewalPending,
      'A renewal request is already pending staff review.',
    );
  }

  static renewalNotLater(endsAt: Date): ResearchGrantError {
    return new ResearchGrantError(
      ResearchGrantErrorCode.RenewalNotLater,
      `A renewal must end after the grant's current end, ${endsAt.toISOString()}.`,
    );
  }

  static notApproved(): ResearchGrantError {
    return new ResearchGrantError(
      ResearchGrantErrorCode.GrantNotApproved,
      'The research application is not approved; there is no grant to renew or issue keys under yet.',
    );
  }

  static biasRunNotFound(id: string): ResearchGrantError {
    return new ResearchGrantError(ResearchGrantErrorCode.BiasRunNotFound, `No bias run with id ${id}.`);
  }

  static unknownCategories(names: string[]): ResearchGrantError {
    return new ResearchGrantError(
      ResearchGrantErrorCode.UnknownCategory,
      `Unknown moderation categories in observeOnlyCategories: ${names.join(', ')}.`,
    );
  }
}

/** /v1 refusals a research grant adds (OpenAI envelope). */
export enum ResearchAccessErrorCode {
  QuotaExceeded = 'research_quota_exceeded',
  GrantNotActive = 'research_grant_not_active',
  ParameterNotAllowed = 'parameter_not_allowed',
}

export class ResearchQuotaError extends WardenError {
  constructor(message: string, retryAfterSeconds: number | null) {
    super(ResearchAccessErrorCode.QuotaExceeded, message);
    if (retryAfterSeconds !== null) {
      this.headers['retry-after'] = String(retryAfterSeconds);
    }
  }
}

export class ResearchGrantNotActiveError extends WardenError {
  constructor(message: string) {
    super(ResearchAccessErrorCode.GrantNotActive, message);
  }
}

export class ResearchParameterError extends WardenError {
  constructor(param: 'logprobs' | 'echo') {
    super(
      ResearchAccessErrorCode.ParameterNotAllowed,
      `This research grant's policy profile does not allow \`${param}\`; ask the Warden staff to allow it for your study.`,
      param,
    );
  }
}
