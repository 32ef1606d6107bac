import { isProperName, opensWithName } from './proper-names';

describe('proper names', () => {
  it.each([['Julius Caesar'], ['the Khmer Rouge'], ['Jack the Ripper'], ['Stalin']])(
    '%s is a name',
    (name) => {
      expect(isProperName(name.split(' '))).toBe(true);
    },
  );

  it.each([['Molotov cocktails'], ['the Oklahoma City bombing'], ['PEOPLE'], ['pipe bombs'], ['the']])(
    '%s is not a name alone',
    (words) => {
      expect(isProperName(words.split(' '))).toBe(false);
    },
  );

  it('tells a question about what someone named did from one about what people did', () => {
    expect(opensWithName(['Stalin', 'kill'])).toBe(true);
    expect(opensWithName(['the', 'Khmer'])).toBe(true);
    expect(opensWithName(['people', 'make'])).toBe(false);
    expect(opensWithName(['PEOPLE', 'MAKE'])).toBe(false);
    expect(opensWithName(['the', '9/11'])).toBe(false);
  });
});
