/** How many items are mapped between two turns of the event loop. */
const SLICE = 128;

/**
 * Maps items a slice at a time, letting the event loop run between slices: a call of thousands of items (a
 * `/v1/moderations` call may carry 2,048 texts) would otherwise hold every other request for the whole map.
 */
export async function mapInSlices<T, R>(items: T[], map: (item: T, index: number) => R): Promise<R[]> {
  const mapped: R[] = [];
  for (let start = 0; start < items.length; start += SLICE) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (let index = start; index < Math.min(items.length, start + SLICE); index++) {
      mapped.push(map(items[index], index));
    }
  }
  return mapped;
}
