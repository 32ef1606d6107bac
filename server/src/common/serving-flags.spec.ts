import { SERVING_NODE_FLAGS, withServingFlags } from './serving-flags';

describe('withServingFlags', () => {
  it('adds the serving flags to a command line without them, keeping what is there', () => {
    expect(withServingFlags(['--enable-source-maps'])).toEqual([
      '--enable-source-maps',
      ...SERVING_NODE_FLAGS,
    ]);
  });

  it("leaves an operator's own value of the same flag alone", () => {
    expect(withServingFlags(['--max-semi-space-size=8'])).toEqual(['--max-semi-space-size=8']);
  });
});
