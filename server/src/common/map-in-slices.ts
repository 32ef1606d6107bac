/** How many items are mapped between two turns of the event loop. */
const SLICE_ITEMS = 128;

/** With `sizeOf`: how much work (characters read, say) is done between two turns of the event loop. */
const SLICE_SIZE = 8192;

/**
 * Maps items a slice at a time, letting the event loop run between slices: a call of thousands of items (a
 * `/v1/moderations` call may carry 2,048 texts) would otherwise hold every other request for the whole map. A slice
 * ends after SLICE_ITEMS items, or, when `sizeOf` weighs each item's work, once the slice's items weigh SLICE_SIZE.
 */
export async function mapInSlices<T, R>(
  items: T[],
  map: (item: T, index: number) => R,
  sizeOf?: (item: T) => number,
): Promise<R[]> {
  const mapped: R[] = [];
  let sliceItems = 0;
  let sliceSize = 0;
  for (let index = 0; index < items.length; index++) {
    if (sliceItems >= SLICE_ITEMS || sliceSize >= SLICE_SIZE) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceItems = 0;
      sliceSize = 0;
    }
    mapped.push(map(items[index], index));
    sliceItems++;
    if (sizeOf) sliceSize += sizeOf(items[index]);
  }
  return mapped;
}
