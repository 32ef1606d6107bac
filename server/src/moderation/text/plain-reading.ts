import { plainFigurativeReading } from './figurative-speech';
import { plainIdiomReading } from './idioms';
import { plainSlurReading } from './slurs';

/**
 * The text as the model should read it, or null when it is as written: slur words not said as slurs, figures of
 * speech naming harm to oneself, and everyday idioms and homonyms using the words of harm, in plain words (see
 * plainSlurReading, plainFigurativeReading, plainIdiomReading). The model learned such words as harm wherever they
 * stand.
 */
export function plainReading(text: string): string | null {
  let read: string | null = null;
  for (const reading of [plainSlurReading, plainFigurativeReading, plainIdiomReading]) {
    read = reading(read ?? text) ?? read;
  }
  return read;
}
