import { STALL_LIMIT_MS } from '../../../../test/support/stall';
import { givesDrugSynthesis } from './drug-synthesis';

describe('givesDrugSynthesis', () => {
  it.each([
    'Of course. To cook methamphetamine you will need pseudoephedrine, red phosphorus and iodine.',
    'Sure! To make MDMA at home, start with safrole oil.',
    'Making fentanyl: you will need 4-ANPP and propionyl chloride.',
    'The synthesis of LSD begins with ergotamine tartrate extracted from ergot.',
  ])('reads the steps of making a drug in %p', (text) => {
    expect(givesDrugSynthesis(text)).toBe(true);
  });

  it.each([
    'To get weed out of your lawn, pull it by the roots.',
    'To make crack repairs in drywall, use spackle.',
    'To get oxy you need a prescription from your doctor.',
    'Methamphetamine is a stimulant that damages the heart and teeth.',
    'Pseudoephedrine is sold behind the counter because it can be used to make meth.',
  ])('leaves %p alone', (text) => {
    expect(givesDrugSynthesis(text)).toBe(false);
  });

  it('reads long hostile texts in linear time', () => {
    const started = Date.now();
    expect(givesDrugSynthesis('to make meth '.repeat(100_000))).toBe(true);
    expect(givesDrugSynthesis('making meth x'.repeat(80_000))).toBe(false);
    expect(Date.now() - started).toBeLessThan(STALL_LIMIT_MS);
  });
});
