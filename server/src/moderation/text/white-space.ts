/** Line breaks: `\n`, `\r`, the Unicode line and paragraph separators, and NEL. */
export function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029 || code === 0x85;
}

/** White space between words, line breaks included: what NFKC reads as a space, and the ideographic space. */
export function isWhiteSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0xa0 ||
    code === 0x3000 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    isLineBreak(code)
  );
}
