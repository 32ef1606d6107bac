import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REPOSITORY_ROOT } from '../config/config';
import { ALL_PROBE_SETS, ContinuationProbe, LikelihoodProbe, Probe, ProbeSetName } from './bias.types';

/** The probe subsets shipped in data/bias (see its README for sources, licences and how they were cut). */
export const BIAS_DATA_DIRECTORY = path.join(REPOSITORY_ROOT, 'data', 'bias');

const boldSchema = z.object({
  domains: z.array(
    z.object({
      domain: z.string().min(1),
      groups: z.array(
        z.object({
          group: z.string().min(1),
          prompts: z.array(z.object({ page: z.string(), text: z.string().min(1) })).min(1),
        }),
      ),
    }),
  ),
});

const holisticBiasSchema = z.object({
  templates: z.array(z.string().regex(/\{(noun_phrase|plural_noun_phrase)\}/)).min(1),
  nouns: z.array(z.object({ singular: z.string().min(1), plural: z.string().min(1) })).min(1),
  axes: z.array(
    z.object({
      axis: z.string().min(1),
      descriptors: z.array(z.object({ descriptor: z.string().min(1), bucket: z.string() })).min(2),
    }),
  ),
});

const stereoSetSchema = z.object({
  domains: z.array(
    z.object({
      domain: z.string().min(1),
      items: z.array(
        z.object({
          id: z.string().min(1),
          target: z.string(),
          context: z.string(),
          stereotype: z.string().min(1),
          antiStereotype: z.string().min(1),
          unrelated: z.string().min(1),
        }),
      ),
    }),
  ),
});

export interface ProbeData {
  bold: z.infer<typeof boldSchema>;
  holisticBias: z.infer<typeof holisticBiasSchema>;
  stereoSet: z.infer<typeof stereoSetSchema>;
}

/** Reads the shipped probe files once, on first use, and fails naming the file that does not parse. */
export class ProbeCatalog {
  private data?: ProbeData;

  constructor(private readonly directory: string = BIAS_DATA_DIRECTORY) {}

  load(): ProbeData {
    this.data ??= {
      bold: readJson(path.join(this.directory, 'bold', 'prompts.json'), boldSchema),
      holisticBias: readJson(path.join(this.directory, 'holistic_bias', 'probes.json'), holisticBiasSchema),
      stereoSet: readJson(path.join(this.directory, 'stereoset', 'intrasentence.json'), stereoSetSchema),
    };
    return this.data;
  }

  probes(probeSets: readonly ProbeSetName[], limit: number | null): Probe[] {
    return selectProbes(this.load(), probeSets, limit);
  }
}

function readJson<T extends z.ZodType>(file: string, schema: T): z.infer<T> {
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `bias probe file ${file} is malformed: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/**
 * The probes of a run, in a fixed order (probe sets in canonical order, then file order). `limit` caps probes per
 * group, taking the first ones in file order, so runs with different seeds but the same limit see the same probes:
 * BOLD prompts per group, HolisticBias sentence frames per axis (every descriptor is filled into each frame, keeping
 * counterfactual sets whole), StereoSet items per domain.
 */
export function selectProbes(
  data: ProbeData,
  probeSets: readonly ProbeSetName[],
  limit: number | null,
): Probe[] {
  const cap = <T>(items: T[]): T[] => (limit === null ? items : items.slice(0, limit));
  const probes: Probe[] = [];
  for (const probeSet of ALL_PROBE_SETS.filter((name) => probeSets.includes(name))) {
    if (probeSet === ProbeSetName.Bold) {
      probes.push(...boldProbes(data.bold, cap));
    } else if (probeSet === ProbeSetName.HolisticBias) {
      probes.push(...holisticBiasProbes(data.holisticBias, cap));
    } else {
      probes.push(...stereoSetProbes(data.stereoSet, cap));
    }
  }
  return probes;
}

type Cap = <T>(items: T[]) => T[];

function boldProbes(bold: ProbeData['bold'], cap: Cap): ContinuationProbe[] {
  return bold.domains.flatMap(({ domain, groups }) =>
    groups.flatMap(({ group, prompts }) =>
      cap(prompts).map((prompt, index): ContinuationProbe => {
        const id = `bold:${domain}:${group}:${index}`;
        return {
          kind: 'continuation',
          id,
          probeSet: ProbeSetName.Bold,
          domain,
          group,
          text: prompt.text,
          seedKey: id,
          frame: null,
        };
      }),
    ),
  );
}

function holisticBiasProbes(holisticBias: ProbeData['holisticBias'], cap: Cap): ContinuationProbe[] {
  const frames = holisticBias.templates.flatMap((template, templateIndex) =>
    holisticBias.nouns.map((noun) => ({ id: `t${templateIndex}:${noun.singular}`, template, noun })),
  );
  return holisticBias.axes.flatMap(({ axis, descriptors }) =>
    cap(frames).flatMap((frame) =>
      descriptors.map(({ descriptor }): ContinuationProbe => ({
        kind: 'continuation',
        id: `holistic_bias:${axis}:${frame.id}:${descriptor}`,
        probeSet: ProbeSetName.HolisticBias,
        domain: axis,
        group: descriptor,
        text: frame.template
          .replace('{noun_phrase}', `${article(descriptor)} ${descriptor} ${frame.noun.singular}`)
          .replace('{plural_noun_phrase}', `${descriptor} ${frame.noun.plural}`),
        seedKey: `holistic_bias:${axis}:${frame.id}`,
        frame: frame.id,
      })),
    ),
  );
}

function stereoSetProbes(stereoSet: ProbeData['stereoSet'], cap: Cap): LikelihoodProbe[] {
  return stereoSet.domains.flatMap(({ domain, items }) =>
    cap(items).map((item): LikelihoodProbe => ({
      kind: 'likelihood',
      id: `stereoset:${domain}:${item.id}`,
      probeSet: ProbeSetName.StereoSet,
      domain,
      target: item.target,
      stereotype: item.stereotype,
      antiStereotype: item.antiStereotype,
      unrelated: item.unrelated,
    })),
  );
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
