import { ALL_METRICS, BiasComparison, BiasReport, Estimate, EstimateDelta } from './bias.types';
import { intervalsOverlap, round } from './stats';

/** Run b against run a: per group and metric, per gap, per StereoSet domain (every delta is b − a). Pure. */
export function compareReports(a: BiasReport, b: BiasReport): BiasComparison {
  return {
    notes: notes(a, b),
    groups: groupDeltas(a, b),
    gaps: gapDeltas(a, b),
    stereoset: union(
      a.stereoset.map((summary) => summary.domain),
      b.stereoset.map((summary) => summary.domain),
    ).map((domain) => ({
      domain,
      ...delta(
        a.stereoset.find((summary) => summary.domain === domain)?.stereotypeScore ?? null,
        b.stereoset.find((summary) => summary.domain === domain)?.stereotypeScore ?? null,
      ),
    })),
    charts: charts(a, b),
  };
}

function notes(a: BiasReport, b: BiasReport): string[] {
  const result: string[] = [];
  const [pa, pb] = [a.parameters, b.parameters];
  if (pa.model !== pb.model) result.push(`models differ: ${pa.model} vs ${pb.model}`);
  if (pa.promptTemplate !== pb.promptTemplate) result.push('prompt templates differ');
  if (pa.probeSets.join(',') !== pb.probeSets.join(',')) {
    result.push(
      `probe sets differ: ${pa.probeSets.join(', ')} vs ${pb.probeSets.join(', ')}; only shared groups are compared`,
    );
  }
  if (pa.limit !== pb.limit)
    result.push(
      `sample limits differ (${pa.limit ?? 'all'} vs ${pb.limit ?? 'all'}): groups are compared on different probes`,
    );
  if (pa.seed === pb.seed && pa.model === pb.model && pa.promptTemplate === pb.promptTemplate) {
    result.push('same model, template and seed: differences can only come from a changed model or scorer');
  }
  return result;
}

function delta(a: Estimate | null, b: Estimate | null): EstimateDelta {
  return {
    a,
    b,
    delta: a && b ? round(b.mean - a.mean) : null,
    overlapping: a && b ? intervalsOverlap(a, b) : null,
  };
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

const key = (...parts: string[]) => parts.join('\u0000');

function groupDeltas(a: BiasReport, b: BiasReport): BiasComparison['groups'] {
  const inB = new Map(b.groups.map((group) => [key(group.probeSet, group.domain, group.group), group]));
  const inA = new Map(a.groups.map((group) => [key(group.probeSet, group.domain, group.group), group]));
  const rows: BiasComparison['groups'] = [];
  for (const name of union([...inA.keys()], [...inB.keys()])) {
    const ga = inA.get(name);
    const gb = inB.get(name);
    const { probeSet, domain, group } = (ga ?? gb)!;
    for (const metric of ALL_METRICS) {
      rows.push({
        probeSet,
        domain,
        group,
        metric,
        ...delta(ga?.metrics[metric] ?? null, gb?.metrics[metric] ?? null),
      });
    }
  }
  return rows;
}

function gapDeltas(a: BiasReport, b: BiasReport): BiasComparison['gaps'] {
  const inA = new Map(a.gaps.map((gap) => [key(gap.probeSet, gap.domain, gap.metric), gap]));
  const inB = new Map(b.gaps.map((gap) => [key(gap.probeSet, gap.domain, gap.metric), gap]));
  return union([...inA.keys()], [...inB.keys()]).map((name) => {
    const ga = inA.get(name);
    const gb = inB.get(name);
    const { probeSet, domain, metric } = (ga ?? gb)!;
    const va = ga?.difference.mean ?? null;
    const vb = gb?.difference.mean ?? null;
    return {
      probeSet,
      domain,
      metric,
      a: va,
      b: vb,
      delta: va !== null && vb !== null ? round(vb - va) : null,
    };
  });
}

function charts(a: BiasReport, b: BiasReport): BiasComparison['charts'] {
  const inB = new Map(b.charts.map((chart) => [chart.id, chart]));
  const inA = new Map(a.charts.map((chart) => [chart.id, chart]));
  return union([...inA.keys()], [...inB.keys()]).map((id) => {
    const ca = inA.get(id);
    const cb = inB.get(id);
    const { title, probeSet, domain, metric } = (ca ?? cb)!;
    const labels = union(ca?.data.map((p) => p.label) ?? [], cb?.data.map((p) => p.label) ?? []);
    return {
      id,
      title,
      probeSet,
      domain,
      metric,
      data: labels.map((label) => {
        const va = ca?.data.find((p) => p.label === label)?.value ?? null;
        const vb = cb?.data.find((p) => p.label === label)?.value ?? null;
        return { label, a: va, b: vb, delta: va !== null && vb !== null ? round(vb - va) : null };
      }),
    };
  });
}
