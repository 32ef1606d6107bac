/** Thrown by readBoundedText when an answer runs past its limit; the body has been cancelled by then. */
export class ResponseTooLarge extends Error {
  constructor(
    readonly maxBytes: number,
    /** The start of what came, for a log excerpt. */
    readonly head: string,
  ) {
    super(`answer larger than ${maxBytes} bytes`);
  }
}

const HEAD_BYTES = 1024;

/**
 * A body (a fetch response's stream or a `node:http` response, both async iterables of bytes) as text, read only up
 * to `maxBytes`: a peer (a model server, a guard, an upstream API) that sends more than its kind of answer can hold
 * is cut off, leaving the loop cancels the body, instead of being read into the process's memory.
 */
export async function readBoundedText(
  body: AsyncIterable<Uint8Array> | null | undefined,
  maxBytes: number,
): Promise<string> {
  if (!body) return '';
  const chunks: Uint8Array[] = [];
  let received = 0;
  for await (const chunk of body) {
    received += chunk.byteLength;
    if (received > maxBytes) {
      const head = Buffer.concat([...chunks, chunk]).subarray(0, HEAD_BYTES);
      throw new ResponseTooLarge(maxBytes, head.toString('utf8'));
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
