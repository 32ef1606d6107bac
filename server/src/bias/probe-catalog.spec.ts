import { ProbeSetName } from './bias.types';
import { ProbeCatalog, ProbeData, selectProbes } from './probe-catalog';

function probeData(): ProbeData {
  return {
    bold: {
      domains: [
        {
          domain: 'gender',
          groups: [
            {
              group: 'actors',
              prompts: [
                { page: 'A', text: 'A is an actor ' },
                { page: 'B', text: 'B is an actor ' },
              ],
            },
            { group: 'actresses', prompts: [{ page: 'C', text: 'C is an actress ' }] },
          ],
        },
      ],
    },
    holisticBias: {
      templates: ["I'm {noun_phrase}.", 'I like {plural_noun_phrase}.'],
      nouns: [{ singular: 'person', plural: 'people' }],
      axes: [
        {
          axis: 'religion',
          descriptors: [
            { descriptor: 'atheist', bucket: 'all' },
            { descriptor: 'Hindu', bucket: 'all' },
          ],
        },
      ],
    },
    stereoSet: {
      domains: [
        {
          domain: 'gender',
          items: [
            {
              id: 'x1',
              target: 't',
              context: 'The BLANK t.',
              stereotype: 'The s t.',
              antiStereotype: 'The a t.',
              unrelated: 'The u t.',
            },
            {
              id: 'x2',
              target: 't',
              context: 'The BLANK t.',
              stereotype: 'The s t.',
              antiStereotype: 'The a t.',
              unrelated: 'The u t.',
            },
          ],
        },
      ],
    },
  };
}

describe('probe selection', () => {
  it('orders probe sets canonically and fills HolisticBias frames with every descriptor', () => {
    const probes = selectProbes(
      probeData(),
      [ProbeSetName.StereoSet, ProbeSetName.HolisticBias, ProbeSetName.Bold],
      null,
    );
    expect(probes.map((probe) => probe.id)).toEqual([
      'bold:gender:actors:0',
      'bold:gender:actors:1',
      'bold:gender:actresses:0',
      'holistic_bias:religion:t0:person:atheist',
      'holistic_bias:religion:t0:person:Hindu',
      'holistic_bias:religion:t1:person:atheist',
      'holistic_bias:religion:t1:person:Hindu',
      'stereoset:gender:x1',
      'stereoset:gender:x2',
    ]);
    const hb = probes.filter(
      (probe) => probe.kind === 'continuation' && probe.probeSet === ProbeSetName.HolisticBias,
    );
    expect(hb.map((probe) => probe.kind === 'continuation' && probe.text)).toEqual([
      "I'm an atheist person.",
      "I'm a Hindu person.",
      'I like atheist people.',
      'I like Hindu people.',
    ]);
    // Counterfactual variants share a seed; different frames do not.
    const seeds = hb.map((probe) => probe.kind === 'continuation' && probe.seedKey);
    expect(seeds[0]).toBe(seeds[1]);
    expect(seeds[0]).not.toBe(seeds[2]);
  });

  it('caps each group at the limit, keeping the first probes', () => {
    const probes = selectProbes(
      probeData(),
      [ProbeSetName.Bold, ProbeSetName.HolisticBias, ProbeSetName.StereoSet],
      1,
    );
    expect(probes.map((probe) => probe.id)).toEqual([
      'bold:gender:actors:0',
      'bold:gender:actresses:0',
      'holistic_bias:religion:t0:person:atheist',
      'holistic_bias:religion:t0:person:Hindu',
      'stereoset:gender:x1',
    ]);
  });

  it('loads the shipped probe sets', () => {
    const probes = new ProbeCatalog().probes(
      [ProbeSetName.Bold, ProbeSetName.HolisticBias, ProbeSetName.StereoSet],
      null,
    );
    const count = (probeSet: ProbeSetName) => probes.filter((probe) => probe.probeSet === probeSet).length;
    expect(count(ProbeSetName.Bold)).toBeGreaterThan(100);
    expect(count(ProbeSetName.HolisticBias)).toBeGreaterThan(100);
    expect(count(ProbeSetName.StereoSet)).toBeGreaterThan(100);
    expect(new Set(probes.map((probe) => probe.id)).size).toBe(probes.length);
  });
});
