/** The vocabulary of bias runs: probe sets, probes, per-probe results and the report built from them. */

export enum ProbeSetName {
  Bold = 'bold',
  HolisticBias = 'holistic_bias',
  StereoSet = 'stereoset',
}

export const ALL_PROBE_SETS: readonly ProbeSetName[] = [
  ProbeSetName.Bold,
  ProbeSetName.HolisticBias,
  ProbeSetName.StereoSet,
];

export enum BiasRunStatus {
  Queued = 'queued',
  Running = 'running',
  Completed = 'completed',
  Failed = 'failed',
}

/** What each continuation is scored for. */
export enum BiasMetric {
  /** VADER compound polarity, -1 (negative) to 1 (positive). */
  Sentiment = 'sentiment',
  /** Highest sigmoid score over the moderation classifier's harm labels, 0 to 1. */
  Toxicity = 'toxicity',
  /** 1 when the continuation reads as a refusal, else 0; its mean is the refusal rate. */
  Refusal = 'refusal',
}

export const ALL_METRICS: readonly BiasMetric[] = [
  BiasMetric.Sentiment,
  BiasMetric.Toxicity,
  BiasMetric.Refusal,
];

/** A prompt whose continuation is generated and scored (BOLD, HolisticBias). */
export interface ContinuationProbe {
  kind: 'continuation';
  id: string;
  probeSet: ProbeSetName.Bold | ProbeSetName.HolisticBias;
  /** BOLD domain or HolisticBias axis. */
  domain: string;
  /** BOLD group or HolisticBias descriptor. */
  group: string;
  text: string;
  /**
   * Sampling seed input. HolisticBias variants of one sentence share it, so a counterfactual pair differs only in
   * the demographic term, not in the random draws.
   */
  seedKey: string;
  /** The HolisticBias sentence frame (template and noun) the variants share; null for BOLD. */
  frame: string | null;
}

/** A StereoSet item, scored by the model's own log-likelihood of each of its three sentences. */
export interface LikelihoodProbe {
  kind: 'likelihood';
  id: string;
  probeSet: ProbeSetName.StereoSet;
  domain: string;
  target: string;
  stereotype: string;
  antiStereotype: string;
  unrelated: string;
}

export type Probe = ContinuationProbe | LikelihoodProbe;

export interface ContinuationResult {
  kind: 'continuation';
  continuation: string;
  sentiment: number;
  toxicity: number;
  refusal: boolean;
}

/** Mean token log-likelihood of each sentence. */
export interface LikelihoodResult {
  kind: 'likelihood';
  stereotype: number;
  antiStereotype: number;
  unrelated: number;
}

export type ProbeResult = ContinuationResult | LikelihoodResult;

/** What a run asks for; everything the report depends on besides the model's behaviour. */
export interface BiasRunParameters {
  model: string;
  promptTemplate: string | null;
  probeSets: ProbeSetName[];
  seed: number;
  limit: number | null;
}

export interface GenerationSettings {
  maxTokens: number;
  temperature: number;
  topP: number;
}

export interface Estimate {
  mean: number;
  ciLow: number;
  ciHigh: number;
}

export interface GroupSummary {
  probeSet: ProbeSetName;
  domain: string;
  group: string;
  n: number;
  metrics: Record<BiasMetric, Estimate>;
}

export interface GroupGap {
  probeSet: ProbeSetName;
  domain: string;
  metric: BiasMetric;
  high: { group: string; mean: number };
  low: { group: string; mean: number };
  /** high − low, with a bootstrap interval for the difference. */
  difference: Estimate;
  /** The interval for the difference excludes 0. */
  significant: boolean;
}

export interface CounterfactualPair {
  a: string;
  b: string;
  /** Mean over shared sentence frames of metric(a) − metric(b). */
  difference: Estimate;
  n: number;
}

export interface CounterfactualSummary {
  axis: string;
  metric: BiasMetric;
  frames: number;
  /** Mean over frames of (highest − lowest descriptor): how far swapping only the term moves the metric. */
  spread: Estimate;
  /** Every descriptor pair, largest |difference| first. */
  pairs: CounterfactualPair[];
}

export interface StereoSetSummary {
  domain: string;
  n: number;
  /** Percentage of items whose stereotype sentence is likelier than the anti-stereotype one; 50 is unbiased. */
  stereotypeScore: Estimate;
  /** Percentage of meaningful-vs-unrelated comparisons the meaningful sentence wins; 100 is a perfect LM. */
  languageModelScore: number;
  /** lms × min(ss, 100 − ss) / 50: 100 for a perfect, unbiased model. */
  icat: number;
}

export interface ChartPoint {
  label: string;
  value: number;
  ciLow: number;
  ciHigh: number;
  /** [value − ciLow, ciHigh − value], the shape Recharts' ErrorBar takes. */
  error: [number, number];
  n: number;
}

export interface BiasChart {
  id: string;
  title: string;
  probeSet: ProbeSetName;
  domain: string | null;
  metric: BiasMetric | 'stereotypeScore';
  /** Axis bounds and the value an unbiased model would sit at (where there is one). */
  yMin: number;
  yMax: number;
  reference: number | null;
  data: ChartPoint[];
}

export type ExampleReason = 'most-negative' | 'most-toxic' | 'refusal';

export interface BiasExample {
  reason: ExampleReason;
  probeSet: ProbeSetName;
  domain: string;
  group: string;
  prompt: string;
  continuation: string;
  sentiment: number;
  toxicity: number;
}

export interface BiasReport {
  version: 1;
  parameters: BiasRunParameters;
  generation: GenerationSettings;
  method: {
    confidenceInterval: string;
    resamples: number;
    level: number;
    sentiment: string;
    toxicity: string;
    refusal: string;
    stereoset: string;
  };
  totals: { probes: number; continuations: number; likelihoodItems: number };
  groups: GroupSummary[];
  gaps: GroupGap[];
  counterfactuals: CounterfactualSummary[];
  stereoset: StereoSetSummary[];
  charts: BiasChart[];
  examples: BiasExample[];
}

export interface EstimateDelta {
  a: Estimate | null;
  b: Estimate | null;
  /** b − a. */
  delta: number | null;
  /** The two intervals overlap (no evidence of a change at this sample size). */
  overlapping: boolean | null;
}

export interface BiasComparison {
  notes: string[];
  groups: Array<
    { probeSet: ProbeSetName; domain: string; group: string; metric: BiasMetric } & EstimateDelta
  >;
  gaps: Array<{
    probeSet: ProbeSetName;
    domain: string;
    metric: BiasMetric;
    a: number | null;
    b: number | null;
    delta: number | null;
  }>;
  stereoset: Array<{ domain: string } & EstimateDelta>;
  charts: Array<{
    id: string;
    title: string;
    probeSet: ProbeSetName;
    domain: string | null;
    metric: BiasMetric | 'stereotypeScore';
    data: Array<{ label: string; a: number | null; b: number | null; delta: number | null }>;
  }>;
}
