import { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { readUploadBody } from './upload-body';

function read(
  chunks: Array<Buffer | Error>,
  headers: Record<string, string>,
  limit = 64,
): Promise<{ body?: Buffer; err?: Error & { code?: string; statusCode?: number } }> {
  const payload = new Readable({ read() {} });
  for (const chunk of chunks) {
    if (chunk instanceof Error) setImmediate(() => payload.destroy(chunk));
    else payload.push(chunk);
  }
  if (!chunks.some((chunk) => chunk instanceof Error)) payload.push(null);
  return new Promise((resolve) =>
    readUploadBody(limit)({ headers } as FastifyRequest, payload, (err, body) =>
      resolve(err ? { err } : { body }),
    ),
  );
}

describe('readUploadBody', () => {
  const parts = [Buffer.from('--b\r\n'), Buffer.from('hello '), Buffer.from('world\r\n--b--')];
  const whole = Buffer.concat(parts);

  it('puts a body of declared length together from its chunks', async () => {
    expect(await read(parts, { 'content-length': String(whole.length) })).toEqual({ body: whole });
  });

  it('reads a body sent without a declared length', async () => {
    expect(await read(parts, {})).toEqual({ body: whole });
  });

  it('reads a body over the limit to its end, then refuses it (413)', async () => {
    const over = [Buffer.alloc(40), Buffer.alloc(40)];
    for (const headers of [{ 'content-length': '80' }, {}]) {
      const payload = new Readable({ read() {} });
      over.forEach((chunk) => payload.push(chunk));
      payload.push(null);
      const refused = await new Promise<Error & { code?: string }>((resolve) =>
        readUploadBody(64)({ headers } as FastifyRequest, payload, (err) => resolve(err!)),
      );
      expect(refused).toMatchObject({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
      expect(payload.readableEnded).toBe(true);
    }
  });

  it('refuses at once a body over twice the limit (413)', async () => {
    const declared = await read(parts, { 'content-length': '129' });
    expect(declared.err).toMatchObject({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
    // A stream that never ends: the refusal cannot wait for it.
    const endless = new Readable({ read() {} });
    endless.push(Buffer.alloc(100));
    endless.push(Buffer.alloc(100));
    const streamed = await new Promise<Error>((resolve) =>
      readUploadBody(64)({ headers: {} } as FastifyRequest, endless, (err) => resolve(err!)),
    );
    expect(streamed).toMatchObject({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
  });

  it('refuses a body longer or shorter than its declared length (400)', async () => {
    for (const declared of [whole.length - 1, whole.length + 1]) {
      const { err } = await read(parts, { 'content-length': String(declared) });
      expect(err).toMatchObject({ code: 'FST_ERR_CTP_INVALID_CONTENT_LENGTH', statusCode: 400 });
    }
  });

  it('passes on a broken stream as a client error', async () => {
    const { err } = await read([Buffer.from('half'), new Error('aborted')], { 'content-length': '20' });
    expect(err).toMatchObject({ message: 'aborted', statusCode: 400 });
  });
});
