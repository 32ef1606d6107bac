import { z } from 'zod';
import { timestamp } from './shapes';

/** Bias runs: probe sets scored against a model, reported with bootstrap intervals (server/src/bias). */
export const BIAS_RUN_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type BiasRunStatusName = (typeof BIAS_RUN_STATUSES)[number];
export const PROBE_SET_NAMES = ['bold', 'holistic_bias', 'stereoset'] as const;
export type ProbeSetId = (typeof PROBE_SET_NAMES)[number];
export const BIAS_METRICS = ['sentiment', 'toxicity', 'refusal'] as const;
export type BiasMetricName = (typeof BIAS_METRICS)[number];

/** Where the probe text goes in a prompt template. */
export const TEMPLATE_PLACEHOLDER = '{prompt}';
export const MAX_SEED = 2_147_483_647;
export const MAX_LIMIT = 10_000;

/** `POST /admin/bias-runs`. */
export const startBiasRunSchema = z.strictObject({
  model: z.string().trim().min(1).max(200).optional(),
  applicationId: z.uuid().optional(),
  promptTemplate: z
    .string()
    .max(4000)
    .refine(
      (template) => template.split(TEMPLATE_PLACEHOLDER).length === 2,
      `must contain ${TEMPLATE_PLACEHOLDER} exactly once`,
    )
    .nullable()
    .optional(),
  probeSets: z.array(z.enum(PROBE_SET_NAMES)).min(1).optional(),
  seed: z.number().int().min(0).max(MAX_SEED).optional(),
  /** Probes per group (BOLD prompts per group, HolisticBias frames per axis, StereoSet items per domain). */
  limit: z.number().int().min(1).max(MAX_LIMIT).optional(),
});
export type StartBiasRunInput = z.infer<typeof startBiasRunSchema>;

const probeSet = z.enum(PROBE_SET_NAMES);
const metric = z.enum(BIAS_METRICS);
const chartMetric = z.union([metric, z.literal('stereotypeScore')]);

export const estimateSchema = z.strictObject({ mean: z.number(), ciLow: z.number(), ciHigh: z.number() });
export type Estimate = z.infer<typeof estimateSchema>;

export const biasRunResponseSchema = z.strictObject({
  id: z.uuid(),
  status: z.enum(BIAS_RUN_STATUSES),
  model: z.string(),
  applicationId: z.uuid().nullable(),
  promptTemplate: z.string().nullable(),
  probeSets: z.array(probeSet),
  seed: z.number().int(),
  limit: z.number().int().nullable(),
  progress: z.strictObject({
    done: z.number().int().min(0),
    total: z.number().int().min(0),
    /** 0–100, whole numbers; 100 only once the report is written. */
    percent: z.number().int().min(0).max(100),
  }),
  attempts: z.number().int().min(0),
  createdBy: z.uuid().nullable(),
  createdAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
  error: z.string().nullable(),
});
export type BiasRunResponse = z.infer<typeof biasRunResponseSchema>;

export const biasChartSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  probeSet,
  domain: z.string().nullable(),
  metric: chartMetric,
  yMin: z.number(),
  yMax: z.number(),
  /** Where an unbiased model would sit, if anywhere. */
  reference: z.number().nullable(),
  data: z.array(
    z.strictObject({
      label: z.string(),
      value: z.number(),
      ciLow: z.number(),
      ciHigh: z.number(),
      /** [below, above] the value: Recharts' ErrorBar shape. */
      error: z.tuple([z.number(), z.number()]),
      n: z.number().int(),
    }),
  ),
});
export type BiasChart = z.infer<typeof biasChartSchema>;

export const biasReportSchema = z.strictObject({
  version: z.literal(1),
  parameters: z.strictObject({
    model: z.string(),
    promptTemplate: z.string().nullable(),
    probeSets: z.array(probeSet),
    seed: z.number().int(),
    limit: z.number().int().nullable(),
  }),
  generation: z.strictObject({ maxTokens: z.number(), temperature: z.number(), topP: z.number() }),
  method: z.record(z.string(), z.union([z.string(), z.number()])),
  totals: z.strictObject({
    probes: z.number().int(),
    continuations: z.number().int(),
    likelihoodItems: z.number().int(),
  }),
  groups: z.array(
    z.strictObject({
      probeSet,
      domain: z.string(),
      group: z.string(),
      n: z.number().int(),
      metrics: z.record(metric, estimateSchema),
    }),
  ),
  gaps: z.array(
    z.strictObject({
      probeSet,
      domain: z.string(),
      metric,
      high: z.strictObject({ group: z.string(), mean: z.number() }),
      low: z.strictObject({ group: z.string(), mean: z.number() }),
      difference: estimateSchema,
      significant: z.boolean(),
    }),
  ),
  counterfactuals: z.array(
    z.strictObject({
      axis: z.string(),
      metric,
      frames: z.number().int(),
      spread: estimateSchema,
      pairs: z.array(
        z.strictObject({ a: z.string(), b: z.string(), difference: estimateSchema, n: z.number().int() }),
      ),
    }),
  ),
  stereoset: z.array(
    z.strictObject({
      domain: z.string(),
      n: z.number().int(),
      stereotypeScore: estimateSchema,
      languageModelScore: z.number(),
      icat: z.number(),
    }),
  ),
  charts: z.array(biasChartSchema),
  examples: z.array(
    z.strictObject({
      reason: z.enum(['most-negative', 'most-toxic', 'refusal']),
      probeSet,
      domain: z.string(),
      group: z.string(),
      prompt: z.string(),
      continuation: z.string(),
      sentiment: z.number(),
      toxicity: z.number(),
    }),
  ),
});
export type BiasReportResponse = z.infer<typeof biasReportSchema>;

export const biasRunDetailResponseSchema = biasRunResponseSchema.extend({
  attachedApplicationIds: z.array(z.uuid()),
  report: biasReportSchema.nullable(),
});
export type BiasRunDetailResponse = z.infer<typeof biasRunDetailResponseSchema>;

const estimateDelta = {
  a: estimateSchema.nullable(),
  b: estimateSchema.nullable(),
  /** b − a. */
  delta: z.number().nullable(),
  /** The two intervals overlap: no evidence of a change at this sample size. */
  overlapping: z.boolean().nullable(),
};

/** `GET /admin/bias-runs/:id/compare/:other`. */
export const biasComparisonResponseSchema = z.strictObject({
  a: biasRunResponseSchema,
  b: biasRunResponseSchema,
  notes: z.array(z.string()),
  groups: z.array(
    z.strictObject({ probeSet, domain: z.string(), group: z.string(), metric, ...estimateDelta }),
  ),
  gaps: z.array(
    z.strictObject({
      probeSet,
      domain: z.string(),
      metric,
      a: z.number().nullable(),
      b: z.number().nullable(),
      delta: z.number().nullable(),
    }),
  ),
  stereoset: z.array(z.strictObject({ domain: z.string(), ...estimateDelta })),
  charts: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      probeSet,
      domain: z.string().nullable(),
      metric: chartMetric,
      data: z.array(
        z.strictObject({
          label: z.string(),
          a: z.number().nullable(),
          b: z.number().nullable(),
          delta: z.number().nullable(),
        }),
      ),
    }),
  ),
});
export type BiasComparisonResponse = z.infer<typeof biasComparisonResponseSchema>;

export const biasRunAttachmentResponseSchema = z.strictObject({
  /** `<applicationId>:<biasRunId>`. */
  id: z.string(),
  applicationId: z.uuid(),
  biasRunId: z.uuid(),
  attachedBy: z.uuid().nullable(),
  attachedAt: timestamp,
});
export type BiasRunAttachmentResponse = z.infer<typeof biasRunAttachmentResponseSchema>;
