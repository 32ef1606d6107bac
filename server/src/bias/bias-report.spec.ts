import { biasComparisonResponseSchema, biasReportSchema, biasRunResponseSchema } from '../contracts';
import { compareReports } from './bias-compare';
import { assembleReport } from './bias-report';
import { BiasRunEntity } from './bias-run.entity';
import { toBiasComparisonResponse, toBiasRunResponse } from './bias.dto';
import type { BiasRunRow } from './bias.repository';
import {
  BiasMetric,
  BiasRunStatus,
  BiasRunParameters,
  ContinuationProbe,
  LikelihoodProbe,
  Probe,
  ProbeResult,
  ProbeSetName,
} from './bias.types';

const GENERATION = { maxTokens: 32, temperature: 0.7, topP: 1 };

function parameters(overrides: Partial<BiasRunParameters> = {}): BiasRunParameters {
  return {
    model: 'stories260K',
    promptTemplate: null,
    probeSets: [ProbeSetName.Bold, ProbeSetName.HolisticBias, ProbeSetName.StereoSet],
    seed: 7,
    limit: null,
    ...overrides,
  };
}

/** Test data factory: probes with the results a fake model would have produced. */
class RunBuilder {
  readonly probes: Probe[] = [];
  readonly results = new Map<string, ProbeResult>();

  bold(domain: string, group: string, sentiments: number[], refusals = 0): this {
    sentiments.forEach((sentiment, index) => {
      const id = `bold:${domain}:${group}:${index}`;
      const probe: ContinuationProbe = {
        kind: 'continuation',
        id,
        probeSet: ProbeSetName.Bold,
        domain,
        group,
        text: `${group} prompt ${index} `,
        seedKey: id,
        frame: null,
      };
      this.probes.push(probe);
      this.results.set(id, {
        kind: 'continuation',
        continuation: `text ${index}`,
        sentiment,
        toxicity: Math.abs(sentiment) / 2,
        refusal: index < refusals,
      });
    });
    return this;
  }

  counterfactual(
    axis: string,
    frames: number,
    sentimentOf: (descriptor: string, frame: number) => number,
    descriptors: string[],
  ): this {
    for (let frame = 0; frame < frames; frame++) {
      for (const descriptor of descriptors) {
        const id = `holistic_bias:${axis}:t${frame}:person:${descriptor}`;
        this.probes.push({
          kind: 'continuation',
          id,
          probeSet: ProbeSetName.HolisticBias,
          domain: axis,
          group: descriptor,
          text: `I'm a ${descriptor} person.`,
          seedKey: `holistic_bias:${axis}:t${frame}:person`,
          frame: `t${frame}:person`,
        });
        this.results.set(id, {
          kind: 'continuation',
          continuation: 'ok',
          sentiment: sentimentOf(descriptor, frame),
          toxicity: 0,
          refusal: false,
        });
      }
    }
    return this;
  }

  stereoset(domain: string, items: Array<[number, number, number]>): this {
    items.forEach(([stereotype, antiStereotype, unrelated], index) => {
      const probe: LikelihoodProbe = {
        kind: 'likelihood',
        id: `stereoset:${domain}:${index}`,
        probeSet: ProbeSetName.StereoSet,
        domain,
        target: 't',
        stereotype: 's',
        antiStereotype: 'a',
        unrelated: 'u',
      };
      this.probes.push(probe);
      this.results.set(probe.id, { kind: 'likelihood', stereotype, antiStereotype, unrelated });
    });
    return this;
  }
}

function sampleRun(): RunBuilder {
  return new RunBuilder()
    .bold('gender', 'actors', [0.5, 0.6, 0.4, 0.5, 0.55, 0.45], 3)
    .bold('gender', 'actresses', [-0.2, -0.1, -0.3, -0.2, -0.25, -0.15])
    .counterfactual(
      'religion',
      6,
      (descriptor, frame) => (descriptor === 'atheist' ? -0.4 : 0.1) + frame * 0.01,
      ['Christian', 'atheist', 'Hindu'],
    )
    .stereoset('gender', [
      [-1, -2, -5],
      [-1, -3, -5],
      [-2, -1, -5],
      [-1, -4, -0.5],
    ]);
}

describe('bias report', () => {
  it('summarises each group with a mean inside its interval', () => {
    const run = sampleRun();
    const report = assembleReport(parameters(), GENERATION, run.probes, run.results);
    expect(report.totals).toEqual({ probes: 34, continuations: 30, likelihoodItems: 4 });
    const actors = report.groups.find((group) => group.group === 'actors')!;
    expect(actors).toMatchObject({ probeSet: 'bold', domain: 'gender', n: 6 });
    expect(actors.metrics.sentiment.mean).toBeCloseTo(0.5, 6);
    expect(actors.metrics.refusal.mean).toBe(0.5);
    for (const group of report.groups) {
      for (const metric of Object.values(BiasMetric)) {
        const { mean, ciLow, ciHigh } = group.metrics[metric];
        expect(ciLow).toBeLessThanOrEqual(mean);
        expect(ciHigh).toBeGreaterThanOrEqual(mean);
      }
    }
  });

  it('names the largest gap per domain and metric, with an interval for the difference', () => {
    const run = sampleRun();
    const report = assembleReport(parameters(), GENERATION, run.probes, run.results);
    const gap = report.gaps.find(
      (entry) => entry.probeSet === 'bold' && entry.metric === BiasMetric.Sentiment,
    )!;
    expect(gap.high.group).toBe('actors');
    expect(gap.low.group).toBe('actresses');
    expect(gap.difference.mean).toBeCloseTo(0.7, 6);
    expect(gap.significant).toBe(true);
    const religion = report.gaps.find(
      (entry) => entry.probeSet === 'holistic_bias' && entry.metric === BiasMetric.Sentiment,
    )!;
    expect(religion.low.group).toBe('atheist');
  });

  it('measures counterfactual swaps frame by frame', () => {
    const run = sampleRun();
    const report = assembleReport(parameters(), GENERATION, run.probes, run.results);
    const sentiment = report.counterfactuals.find(
      (entry) => entry.axis === 'religion' && entry.metric === BiasMetric.Sentiment,
    )!;
    expect(sentiment.frames).toBe(6);
    expect(sentiment.spread).toEqual({ mean: 0.5, ciLow: 0.5, ciHigh: 0.5 });
    expect(sentiment.pairs).toHaveLength(3);
    // The frame effect cancels within each pair: only the term's effect remains, exactly.
    expect(sentiment.pairs[0]).toMatchObject({
      a: 'Christian',
      b: 'atheist',
      difference: { mean: 0.5, ciLow: 0.5, ciHigh: 0.5 },
      n: 6,
    });
    expect(sentiment.pairs[2]).toMatchObject({ a: 'Christian', b: 'Hindu', difference: { mean: 0 } });
  });

  it('scores StereoSet by likelihood preference', () => {
    const run = sampleRun();
    const [gender] = assembleReport(parameters(), GENERATION, run.probes, run.results).stereoset;
    expect(gender.domain).toBe('gender');
    expect(gender.n).toBe(4);
    expect(gender.stereotypeScore.mean).toBe(75);
    // 6 of 8 meaningful-vs-unrelated comparisons are won: the last item prefers its unrelated sentence.
    expect(gender.languageModelScore).toBe(75);
    expect(gender.icat).toBe(37.5);
  });

  it('produces chart series a bar chart can draw directly', () => {
    const run = sampleRun();
    const report = assembleReport(parameters(), GENERATION, run.probes, run.results);
    const chart = report.charts.find((entry) => entry.id === 'bold/gender/sentiment')!;
    expect(chart).toMatchObject({
      probeSet: 'bold',
      domain: 'gender',
      metric: 'sentiment',
      yMin: -1,
      yMax: 1,
      reference: 0,
    });
    expect(chart.data.map((p) => p.label)).toEqual(['actors', 'actresses']);
    const [actors] = chart.data;
    expect(actors.error[0]).toBeCloseTo(actors.value - actors.ciLow, 6);
    expect(report.charts.find((entry) => entry.id === 'stereoset/stereotypeScore')).toMatchObject({
      reference: 50,
      yMax: 100,
    });
  });

  it('is identical for the same inputs and seed, and differs in its intervals for another seed', () => {
    const run = sampleRun();
    const first = assembleReport(parameters(), GENERATION, run.probes, run.results);
    const again = assembleReport(parameters(), GENERATION, run.probes, new Map([...run.results].reverse()));
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    const reseeded = assembleReport(parameters({ seed: 8 }), GENERATION, run.probes, run.results);
    expect(reseeded.groups.map((group) => group.metrics.sentiment.mean)).toEqual(
      first.groups.map((group) => group.metrics.sentiment.mean),
    );
    expect(reseeded.groups.map((group) => group.metrics.sentiment.ciLow)).not.toEqual(
      first.groups.map((group) => group.metrics.sentiment.ciLow),
    );
  });

  it('refuses to report a probe without a result', () => {
    const run = sampleRun();
    run.results.delete('bold:gender:actors:0');
    expect(() => assembleReport(parameters(), GENERATION, run.probes, run.results)).toThrow(
      /bold:gender:actors:0 has no result/,
    );
  });

  it('picks out the most negative continuations and refusals as examples', () => {
    const run = sampleRun();
    const { examples } = assembleReport(parameters(), GENERATION, run.probes, run.results);
    expect(
      examples.filter((example) => example.reason === 'most-negative').map((example) => example.sentiment),
    ).toEqual([-0.4, -0.39, -0.38, -0.37, -0.36]);
    expect(examples.filter((example) => example.reason === 'refusal')).toHaveLength(3);
  });
});

describe('bias comparison', () => {
  it('reports per-group deltas as b − a and flags disjoint intervals', () => {
    const a = sampleRun();
    const b = new RunBuilder()
      .bold('gender', 'actors', [0.5, 0.6, 0.4, 0.5, 0.55, 0.45])
      .bold('gender', 'actresses', [0.4, 0.5, 0.45, 0.5, 0.55, 0.45])
      .stereoset('gender', [
        [-1, -2, -5],
        [-3, -1, -5],
      ]);
    const reportA = assembleReport(parameters(), GENERATION, a.probes, a.results);
    const reportB = assembleReport(
      parameters({ model: 'other', probeSets: [ProbeSetName.Bold, ProbeSetName.StereoSet] }),
      GENERATION,
      b.probes,
      b.results,
    );
    const comparison = compareReports(reportA, reportB);
    expect(comparison.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^models differ/),
        expect.stringMatching(/^probe sets differ/),
      ]),
    );
    const actresses = comparison.groups.find(
      (row) => row.group === 'actresses' && row.metric === BiasMetric.Sentiment,
    )!;
    expect(actresses.delta).toBeCloseTo(0.675, 6);
    expect(actresses.overlapping).toBe(false);
    const actors = comparison.groups.find(
      (row) => row.group === 'actors' && row.metric === BiasMetric.Sentiment,
    )!;
    expect(actors).toMatchObject({ delta: 0, overlapping: true });
    const atheist = comparison.groups.find(
      (row) => row.group === 'atheist' && row.metric === BiasMetric.Sentiment,
    )!;
    expect(atheist).toMatchObject({ b: null, delta: null, overlapping: null });
    expect(comparison.stereoset).toEqual([expect.objectContaining({ domain: 'gender', delta: -25 })]);
    const chart = comparison.charts.find((entry) => entry.id === 'bold/gender/sentiment')!;
    expect(chart.data).toEqual([
      { label: 'actors', a: 0.5, b: 0.5, delta: 0 },
      { label: 'actresses', a: -0.2, b: 0.475, delta: 0.675 },
    ]);
  });
});

describe('bias report contract', () => {
  const run = sampleRun();
  const report = assembleReport(parameters(), GENERATION, run.probes, run.results);
  const runRow = (overrides: Partial<BiasRunRow> = {}): BiasRunRow => ({
    id: 'b5d0c55e-3f0e-4c61-b1d7-7a3c0e9f0a01',
    status: BiasRunStatus.Completed,
    model: 'stories260K',
    applicationId: null,
    promptTemplate: null,
    probeSets: [ProbeSetName.Bold],
    seed: 7,
    sampleLimit: null,
    progressDone: 34,
    progressTotal: 34,
    attempts: 1,
    createdBy: 'b5d0c55e-3f0e-4c61-b1d7-7a3c0e9f0a02',
    createdAt: new Date('2026-11-02T10:00:00Z'),
    startedAt: new Date('2026-11-02T10:00:01Z'),
    finishedAt: new Date('2026-11-02T10:02:00Z'),
    error: null,
    ...overrides,
  });

  it('accepts the report, a run and a comparison as the server builds them', () => {
    expect(biasReportSchema.parse(report)).toEqual(report);
    const response = biasRunResponseSchema.parse(toBiasRunResponse(runRow()));
    expect(response).toMatchObject({
      limit: null,
      progress: { percent: 100 },
      finishedAt: '2026-11-02T10:02:00.000Z',
    });
    const comparison = toBiasComparisonResponse(
      Object.assign(new BiasRunEntity(), runRow()),
      Object.assign(new BiasRunEntity(), runRow()),
      compareReports(report, report),
    );
    expect(biasComparisonResponseSchema.parse(comparison).notes).toEqual(comparison.notes);
  });

  it('refuses a report missing a metric, an unknown probe set and an unmapped run row', () => {
    const [group, ...rest] = report.groups;
    const { refusal: _refusal, ...twoMetrics } = group.metrics;
    expect(
      biasReportSchema.safeParse({ ...report, groups: [{ ...group, metrics: twoMetrics }, ...rest] }).success,
    ).toBe(false);
    expect(
      biasReportSchema.safeParse({ ...report, parameters: { ...report.parameters, probeSets: ['winobias'] } })
        .success,
    ).toBe(false);
    expect(biasRunResponseSchema.safeParse(runRow()).success).toBe(false);
  });
});
