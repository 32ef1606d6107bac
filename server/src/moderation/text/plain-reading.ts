import { plainFigurativeReading } from './figurative-speech';
import { plainSlurReading } from './slurs';

/**
 * The text as the model should read it, or null when it is as written: slur words not said as slurs, and figures of
 * speech naming harm to oneself, in plain words (see plainSlurReading, plainFigurativeReading). The model learned
 * such words as harm wherever they stand.
 */
export function plainReading(text: string): string | null {
  const withoutSlurWords = plainSlurReading(text);
  const read = withoutSlurWords ?? text;
  return plainFigurativeReading(read) ?? withoutSlurWords;
}
