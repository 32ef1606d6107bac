import { mapInSlices } from './map-in-slices';

describe('mapInSlices', () => {
  it('maps every item in order, with its index', async () => {
    const items = Array.from({ length: 1_000 }, (_, index) => `item ${index}`);
    expect(await mapInSlices(items, (item, index) => `${index}: ${item}`)).toEqual(
      items.map((item, index) => `${index}: ${item}`),
    );
  });

  it('lets other work run between slices of a long list', async () => {
    const seen: number[] = [];
    let mapped = 0;
    setImmediate(() => seen.push(mapped));
    await mapInSlices(Array.from({ length: 1_000 }), () => mapped++);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[0]).toBeLessThan(1_000);
  });

  it('maps a short list in the same turn', async () => {
    let ran = false;
    setImmediate(() => (ran = true));
    await mapInSlices(Array.from({ length: 100 }), () => {
      expect(ran).toBe(false);
    });
  });
});

describe('mapInSlices weighing each item', () => {
  it('lets other work run once a slice has done its share of work, however few its items', async () => {
    const seen: number[] = [];
    let mapped = 0;
    setImmediate(() => seen.push(mapped));
    const texts = Array.from({ length: 10 }, () => 'x'.repeat(5_000));
    await mapInSlices(
      texts,
      () => mapped++,
      (text) => text.length,
    );
    expect(seen).toEqual([2]);
  });
});
