/**
 * Cuts generated text at the first of up to four stop sequences, across token boundaries. Text that could still
 * turn out to begin a stop sequence is held back, so a stream never shows part of one.
 */
export class StopSequenceMatcher {
  private readonly stops: string[];
  private held = '';

  constructor(stops: readonly string[]) {
    this.stops = stops.filter((stop) => stop.length > 0);
  }

  /** Returns the text that is safe to show now and whether a stop sequence ended the text. */
  push(text: string): { emit: string; stopped: boolean } {
    if (this.stops.length === 0) {
      return { emit: text, stopped: false };
    }
    const buffer = this.held + text;
    let earliest = -1;
    for (const stop of this.stops) {
      const at = buffer.indexOf(stop);
      if (at >= 0 && (earliest < 0 || at < earliest)) {
        earliest = at;
      }
    }
    if (earliest >= 0) {
      this.held = '';
      return { emit: buffer.slice(0, earliest), stopped: true };
    }
    let hold = 0;
    for (const stop of this.stops) {
      for (let length = Math.min(stop.length - 1, buffer.length); length > hold; length--) {
        if (buffer.endsWith(stop.slice(0, length))) {
          hold = length;
          break;
        }
      }
    }
    this.held = buffer.slice(buffer.length - hold);
    return { emit: buffer.slice(0, buffer.length - hold), stopped: false };
  }

  /** The held-back text, once the text has ended without a stop sequence. */
  flush(): string {
    const rest = this.held;
    this.held = '';
    return rest;
  }
}
