import { multipartBoundary, parseMultipart } from './multipart';

describe('multipart/form-data', () => {
  it('finds the boundary, quoted or not', () => {
    expect(multipartBoundary('multipart/form-data; boundary=abc123')).toBe('abc123');
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(multipartBoundary('application/json')).toBeNull();
  });

  it('splits fields and files, keeping binary content intact', async () => {
    // The body exactly as undici's FormData (what the openai SDK uses on Node) serialises it.
    const form = new FormData();
    form.append('purpose', 'fine-tune');
    form.append('file', new Blob([Buffer.from('{"a":1}\r\n--not-a-boundary\n\u00e9')]), 'train "x".jsonl');
    const encoded = new Response(form);
    const contentType = encoded.headers.get('content-type')!;
    const body = Buffer.from(await encoded.arrayBuffer());
    const parts = parseMultipart(body, multipartBoundary(contentType)!);
    expect(parts.map((part) => [part.name, part.filename])).toEqual([
      ['purpose', null],
      ['file', 'train "x".jsonl'],
    ]);
    expect(parts[0].data.toString()).toBe('fine-tune');
    expect(parts[1].data.toString()).toBe('{"a":1}\r\n--not-a-boundary\n\u00e9');
  });

  it('refuses a body cut before its closing boundary', () => {
    expect(() =>
      parseMultipart(Buffer.from('--b\r\nContent-Disposition: form-data; name="x"\r\n\r\nvalue'), 'b'),
    ).toThrow('closing boundary');
  });
});
