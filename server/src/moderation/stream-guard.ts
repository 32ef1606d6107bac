import { AppliedVerdict, ModerationResult } from './moderation.service';
import { redact } from './redaction';
import { ACTION_SEVERITY, ModerationAction, Span } from './moderation.types';

/** Already-sent text kept in each check's window, so a harm that builds up across chunks is still seen. */
const CONTEXT_CHARS = 400;
/** Fresh text gathered before a check runs, so checks stay a small share of generation time. */
const CHECK_STEP_CHARS = 24;

export interface GuardRelease {
  text: string;
  blocked: boolean;
}

/**
 * Output moderation for one streamed choice over a sliding window. Nothing leaves before a check has seen it,
 * and the last `holdback` characters always wait for the next check, so a banned phrase that arrives across two
 * chunks is never half-sent.
 */
export class StreamGuard {
  private sent = '';
  private pending = '';
  private blocked = false;
  readonly verdicts: AppliedVerdict[] = [];

  constructor(
    private readonly moderate: (text: string) => Promise<ModerationResult>,
    private readonly holdback: number,
  ) {}

  get isBlocked(): boolean {
    return this.blocked;
  }

  async push(text: string): Promise<GuardRelease> {
    if (this.blocked) return { text: '', blocked: true };
    this.pending += text;
    if (this.pending.length < this.holdback + CHECK_STEP_CHARS) return { text: '', blocked: false };
    return this.check(false);
  }

  async finish(): Promise<GuardRelease> {
    if (this.blocked) return { text: '', blocked: true };
    return this.check(true);
  }

  private async check(final: boolean): Promise<GuardRelease> {
    const context = this.sent.slice(-CONTEXT_CHARS);
    const window = context + this.pending;
    const result = await this.moderate(window);
    this.remember(result.verdicts);
    if (ACTION_SEVERITY[result.action] >= ACTION_SEVERITY[ModerationAction.Hold]) {
      this.blocked = true;
      this.pending = '';
      return { text: '', blocked: true };
    }
    let cut = final ? this.pending.length : Math.max(0, this.pending.length - this.holdback);
    const redactions: Array<Span & { category: string }> = [];
    for (const verdict of result.verdicts) {
      if (!verdict.triggered || verdict.action !== ModerationAction.Redact) continue;
      for (const span of verdict.spans ?? []) {
        const start = span.start - context.length;
        const end = span.end - context.length;
        if (end <= 0) continue; // inside text already sent, redacted then
        if (start < cut && end > cut) cut = Math.max(0, start); // never split a redaction across releases
        redactions.push({ start: Math.max(0, start), end, category: verdict.category });
      }
    }
    const raw = this.pending.slice(0, cut);
    this.sent += raw;
    this.pending = this.pending.slice(cut);
    return {
      text: redact(
        raw,
        redactions.filter((span) => span.start < cut),
      ),
      blocked: false,
    };
  }

  /** Keeps every triggered verdict and the strongest score per check and category. */
  private remember(verdicts: AppliedVerdict[]): void {
    for (const verdict of verdicts) {
      const existing = this.verdicts.findIndex(
        (seen) => seen.check === verdict.check && seen.category === verdict.category,
      );
      if (existing < 0) this.verdicts.push(verdict);
      else if (
        verdict.score > this.verdicts[existing].score ||
        (verdict.triggered && !this.verdicts[existing].triggered)
      ) {
        this.verdicts[existing] = verdict;
      }
    }
  }
}
