/** One part of a multipart/form-data body. */
export interface FormPart {
  name: string;
  /** Present for file parts. */
  filename: string | null;
  contentType: string | null;
  data: Buffer;
}

export class MultipartError extends Error {}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/** The boundary of a `multipart/form-data; boundary=...` content type, or null for any other type. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) {
    return null;
  }
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2]) : null;
}

/**
 * Splits a buffered multipart/form-data body (RFC 7578) into its parts. Linear in the body: each delimiter is
 * found with one indexOf from where the previous one ended.
 */
export function parseMultipart(body: Buffer, boundary: string): FormPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let position = body.indexOf(delimiter);
  if (position < 0) {
    throw new MultipartError('the body has no multipart boundary');
  }
  for (;;) {
    position += delimiter.length;
    if (body.subarray(position, position + 2).toString() === '--') {
      return parts;
    }
    if (!body.subarray(position, position + 2).equals(CRLF)) {
      throw new MultipartError('malformed multipart delimiter');
    }
    position += 2;
    const headersEnd = body.indexOf(HEADER_END, position);
    if (headersEnd < 0) {
      throw new MultipartError('a multipart part has no end of headers');
    }
    const headers = parseHeaders(body.subarray(position, headersEnd).toString('utf8'));
    const dataStart = headersEnd + HEADER_END.length;
    const next = body.indexOf(Buffer.concat([CRLF, delimiter]), dataStart);
    if (next < 0) {
      throw new MultipartError('the multipart body ends before its closing boundary');
    }
    const disposition = headers.get('content-disposition') ?? '';
    const name = dispositionParam(disposition, 'name');
    if (name === null) {
      throw new MultipartError('a multipart part has no name');
    }
    parts.push({
      name,
      filename: dispositionParam(disposition, 'filename'),
      contentType: headers.get('content-type') ?? null,
      data: body.subarray(dataStart, next),
    });
    position = next + CRLF.length;
  }
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
  }
  return headers;
}

function dispositionParam(disposition: string, param: string): string | null {
  const match = new RegExp(`;\\s*${param}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(disposition);
  if (match) {
    // Browsers and undici escape `"`, CR and LF in names as %22, %0D, %0A (WHATWG); older senders backslash-escape.
    return match[1]
      .replace(/%22/gi, '"')
      .replace(/%0D/gi, '\r')
      .replace(/%0A/gi, '\n')
      .replace(/\\(.)/g, '$1');
  }
  const bare = new RegExp(`;\\s*${param}=([^;\\s]+)`, 'i').exec(disposition);
  return bare ? bare[1] : null;
}
