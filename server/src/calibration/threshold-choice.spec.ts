import { NoThresholdReason } from '../contracts';
import { chooseThreshold, majorityTruth } from './threshold-choice';

/**
 * Eight items, five positive. By hand, flagging scores >= t:
 *   t=0.95 tp1 fp0 P=1     R=0.2
 *   t=0.90 tp2 fp0 P=1     R=0.4
 *   t=0.80 tp2 fp1 P=0.667 R=0.4
 *   t=0.70 tp3 fp1 P=0.75  R=0.6
 *   t=0.60 tp4 fp1 P=0.8   R=0.8
 *   t=0.40 tp4 fp2 P=0.667 R=0.8
 *   t=0.30 tp5 fp2 P=0.714 R=1
 *   t=0.20 tp5 fp3 P=0.625 R=1
 */
const ITEMS = [
  { score: 0.95, positive: true },
  { score: 0.9, positive: true },
  { score: 0.8, positive: false },
  { score: 0.7, positive: true },
  { score: 0.6, positive: true },
  { score: 0.4, positive: false },
  { score: 0.3, positive: true },
  { score: 0.2, positive: false },
];

describe('chooseThreshold', () => {
  it('draws the curve over the distinct scores, highest first', () => {
    const { curve } = chooseThreshold(ITEMS, 0.8);
    expect(curve.map((point) => point.threshold)).toEqual([0.95, 0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2]);
    expect(curve[3]).toEqual({
      threshold: 0.7,
      precision: 0.75,
      recall: 0.6,
      truePositives: 3,
      falsePositives: 1,
    });
    expect(curve[6].precision).toBeCloseTo(5 / 7, 10);
  });

  it('picks the threshold meeting the precision target with the highest recall', () => {
    expect(chooseThreshold(ITEMS, 0.8).chosen?.threshold).toBe(0.6);
    expect(chooseThreshold(ITEMS, 0.75).chosen?.threshold).toBe(0.6);
    expect(chooseThreshold(ITEMS, 0.7).chosen?.threshold).toBe(0.3);
    expect(chooseThreshold(ITEMS, 0.9).chosen?.threshold).toBe(0.9);
  });

  it('breaks a tie in recall towards the higher threshold', () => {
    const items = [
      { score: 0.9, positive: true },
      { score: 0.8, positive: true },
      { score: 0.5, positive: false },
      { score: 0.5, positive: false },
    ];
    // At target 0.5, t=0.8 (R=1, P=1) and t=0.5 (R=1, P=0.5) both qualify with equal recall: the higher wins.
    expect(chooseThreshold(items, 0.5).chosen?.threshold).toBe(0.8);
  });

  it('chooses nothing when no threshold meets the target, or nothing is positive', () => {
    const unreachable = chooseThreshold(
      [
        { score: 0.9, positive: false },
        { score: 0.5, positive: true },
      ],
      0.9,
    );
    expect(unreachable.chosen).toBeNull();
    expect(unreachable.reason).toBe(NoThresholdReason.TargetUnreachable);
    const none = chooseThreshold([{ score: 0.9, positive: false }], 0.5);
    expect(none.chosen).toBeNull();
    expect(none.reason).toBe(NoThresholdReason.NoPositives);
  });
});

describe('majorityTruth', () => {
  it('takes the majority, and the earliest label on a tie', () => {
    expect(majorityTruth([true, true, false])).toBe(true);
    expect(majorityTruth([false, true])).toBe(false);
    expect(majorityTruth([true, false])).toBe(true);
    expect(majorityTruth([])).toBeNull();
  });
});
