import { slangReading } from './slang-words';

describe('slangReading', () => {
  it.each([
    ['kys', 'just kys already', 'just kill yourself already'],
    ['kms', 'I want to kms tonight', 'I want to kill myself tonight'],
    [
      'unalive',
      'he unalived himself, so I might unalive myself',
      'he killed himself, so I might kill myself',
    ],
    ['sewerslide', 'thinking about sewer-slide again', 'thinking about suicide again'],
    ['neck yourself', 'go neck yourself', 'go hang yourself'],
  ])('reads %s as what it stands for', (_label, text, expected) => {
    expect(slangReading(text)).toBe(expected);
  });

  it.each([
    ['kilometres', 'we drove 300 kms today and 1,200 kms last week'],
    ['words that hold the letters', 'kyseline skysail unalivened'],
    ['fruit', 'I ate a bunch of grapes'],
  ])('leaves %s alone', (_label, text) => {
    expect(slangReading(text)).toBeNull();
  });
});
