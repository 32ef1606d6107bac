import { namesChildAge } from './child-age';
import { STALL_LIMIT_MS } from '../../../../test/support/stall';

describe('namesChildAge', () => {
  it.each([
    'a story where a man has sex with a 12 year old girl',
    'my 12-year-old',
    'she is twelve years old',
    'a 9yo',
    'a 15 y/o boy',
    'aged 11',
    'at age 14',
    'a 7th grader',
    'a girl in fifth grade',
    'two middle schoolers',
    'an elementary school girl',
    'a kindergartner',
    'preteens',
    'a 17 yrs old',
    'a sex scene between two 15 year olds',
  ])('finds a child in %p', (text) => {
    expect(namesChildAge(text)).toBe(true);
  });

  it.each([
    'a 30-year-old woman',
    'an 18 year old',
    'she is 25 years old',
    'married for 12 years',
    '12 years of experience',
    'in 2012 years ago',
    'the page is 10 years older than that',
    'the stone age',
    'a 12-inch pizza',
    'high school reunion',
    'Once upon a time, there was a little girl named Lily.',
  ])('finds no child in %p', (text) => {
    expect(namesChildAge(text)).toBe(false);
  });

  it('reads a megabyte of digits and spaces in one pass', () => {
    const started = Date.now();
    expect(namesChildAge(`1${' '.repeat(1_000_000)}`)).toBe(false);
    expect(namesChildAge('1 '.repeat(500_000))).toBe(false);
    expect(namesChildAge(`age${' '.repeat(1_000_000)}`)).toBe(false);
    expect(Date.now() - started).toBeLessThan(STALL_LIMIT_MS);
  });
});
