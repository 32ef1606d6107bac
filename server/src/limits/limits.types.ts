/** The length limits a policy sets, in tokens of the target model. */
export interface LengthLimits {
  maxPromptTokens: number;
  maxTokens: number;
  /** Prompt tokens plus every token the request may generate (each prompt × best_of × max_tokens). */
  maxTotalTokens: number;
}

/** Per-minute budgets: per key, per end user, and for the application as a whole across all its keys. */
export interface RateLimits {
  requestsPerMinute: number;
  tokensPerMinute: number;
  endUserRequestsPerMinute: number;
  endUserTokensPerMinute: number;
  applicationRequestsPerMinute: number;
  applicationTokensPerMinute: number;
}
