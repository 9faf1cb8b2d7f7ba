/**
 * Counts what a base64 text decodes to without decoding it: its characters other than whitespace, less its
 * trailing `=` padding. Fed in pieces (the streaming reader) or all at once (the in-memory reader), it gives the
 * same size, so both readers apply the attachment size limit alike. For invalid text it is an upper bound.
 */
export class Base64SizeCounter {
  private characters = 0;
  private trailingPadding = 0;

  add(text: string): void {
    if (text.indexOf(' ') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.indexOf('\t') < 0) {
      this.addWithoutWhitespace(text);
      return;
    }
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) continue;
      this.characters++;
      this.trailingPadding = code === 0x3d ? this.trailingPadding + 1 : 0;
    }
  }

  /** For text already known to hold no whitespace (the base64 fast path proved it): no scan needed. */
  addWithoutWhitespace(text: string): void {
    this.characters += text.length;
    let end = text.length;
    while (end > 0 && text.charCodeAt(end - 1) === 0x3d) end--;
    this.trailingPadding = end === 0 ? this.trailingPadding + text.length : text.length - end;
  }

  /** Decoded bytes, at most. */
  get size(): number {
    return Math.max(0, Math.floor((this.characters * 3) / 4) - this.trailingPadding);
  }
}

/** Whether a base64 text decodes to more than `limit` bytes; cheap when it is clearly under. */
export function base64ExceedsSize(text: string, limit: number): boolean {
  if (Math.floor((text.length * 3) / 4) <= limit) return false;
  const counter = new Base64SizeCounter();
  counter.add(text);
  return counter.size > limit;
}
