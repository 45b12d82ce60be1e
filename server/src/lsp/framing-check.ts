/**
 * LSP over a byte stream frames each message as `Content-Length: <n>\r\n…\r\n\r\n<n bytes>`. The protocol library
 * reads past a frame it cannot parse (a header without a valid length, bare `\n` separators, stray bytes) and is
 * then out of step with the client for good: alive, answering nothing. This check follows the same stream and
 * names the first fault, so the server can say so and exit (and the editor restart it) instead of going deaf.
 */

/** Headers are a few dozen bytes; one this long is not a header. */
const maxHeaderBytes = 8 * 1024;
const headerEnd = Buffer.from('\r\n\r\n');

export class FramingCheck {
  private header = Buffer.alloc(0);
  private bodyLeft = 0;
  private fault: string | undefined;

  /** The next bytes of the stream; the fault, once the framing is broken (and for every chunk after). */
  feed(chunk: Buffer): string | undefined {
    let at = 0;
    while (this.fault === undefined && at < chunk.length) {
      if (this.bodyLeft > 0) {
        const taken = Math.min(this.bodyLeft, chunk.length - at);
        this.bodyLeft -= taken;
        at += taken;
        continue;
      }
      // Only the header's own bytes are kept; a body is skipped by counting.
      const earlier = this.header.length;
      this.header = Buffer.concat([this.header, chunk.subarray(at)]);
      const end = this.header.indexOf(headerEnd, Math.max(0, earlier - (headerEnd.length - 1)));
      if (end === -1) {
        if (/(?:^|[^\r])\n\r?\n/.test(this.header.toString('latin1'))) this.fault = 'header lines ended by a bare \\n instead of \\r\\n';
        else if (this.header.length > maxHeaderBytes) this.fault = `a header of more than ${maxHeaderBytes} bytes without an end (\\r\\n\\r\\n)`;
        return this.fault;
      }
      this.fault = this.readHeader(this.header.subarray(0, end).toString('latin1'));
      this.header = Buffer.alloc(0);
      at += end + headerEnd.length - earlier;
    }
    return this.fault;
  }

  private readHeader(text: string): string | undefined {
    if (/(?:^|[^\r])\n/.test(text)) return 'header lines ended by a bare \\n instead of \\r\\n';
    let length: number | undefined;
    for (const line of text.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0 || /[^\x21-\x7e]/.test(line.slice(0, colon))) return `a header line that is not "Name: value": ${JSON.stringify(line.slice(0, 80))}`;
      if (line.slice(0, colon).toLowerCase() !== 'content-length') continue;
      const value = line.slice(colon + 1).trim();
      if (!/^\d{1,10}$/.test(value)) return `a Content-Length that is not a number of bytes: ${JSON.stringify(value.slice(0, 80))}`;
      length = Number(value);
    }
    if (length === undefined) return 'a header without Content-Length';
    this.bodyLeft = length;
    return undefined;
  }
}
