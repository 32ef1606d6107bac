/** Thrown by readBoundedText when an answer runs past its limit; the connection has been dropped by then. */
export class ResponseTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`answer larger than ${maxBytes} bytes`);
  }
}

/**
 * A fetch response's body as text, read only up to `maxBytes`: a peer (a guard, an upstream API) that sends more
 * than its kind of answer can hold is cut off instead of being read into the process's memory.
 */
export async function readBoundedText(response: Response, maxBytes: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw new ResponseTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
