import { selectBestOf } from './best-of';

describe('selectBestOf', () => {
  const candidates = [
    { name: 'a', meanLogprob: -1.5 },
    { name: 'b', meanLogprob: -0.2 },
    { name: 'c', meanLogprob: -0.9 },
    { name: 'd', meanLogprob: -0.2 },
    { name: 'e', meanLogprob: Number.NaN },
  ];

  it('keeps the n candidates with the highest mean log-probability, best first', () => {
    expect(selectBestOf(candidates, 3).map((candidate) => candidate.name)).toEqual(['b', 'd', 'c']);
  });

  it('breaks ties by generation order and ranks candidates without tokens last', () => {
    expect(selectBestOf(candidates, 5).map((candidate) => candidate.name)).toEqual(['b', 'd', 'c', 'a', 'e']);
  });

  it('returns everything when n is not smaller', () => {
    expect(selectBestOf(candidates.slice(0, 2), 4)).toHaveLength(2);
  });
});
