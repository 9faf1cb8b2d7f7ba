import { describe, expect, it } from 'vitest';
import { LineCounter } from './line-counter';

function positionOf(counter: LineCounter, buffer: string, base: number, offset: number): [number, number] {
  counter.advance(buffer, base, offset);
  return [counter.line, counter.columnOf(offset)];
}

describe('LineCounter', () => {
  it('counts LF, CR LF and a lone CR as one line break each', () => {
    const text = 'a\nb\r\nc\rd';
    const counter = new LineCounter();
    expect(positionOf(counter, text, 0, text.indexOf('b'))).toEqual([2, 1]);
    expect(positionOf(counter, text, 0, text.indexOf('c'))).toEqual([3, 1]);
    expect(positionOf(counter, text, 0, text.indexOf('d'))).toEqual([4, 1]);
  });

  it('counts a line break at offset 0', () => {
    expect(positionOf(new LineCounter(), '\n\n  x', 0, 4)).toEqual([3, 3]);
  });

  it('counts a CR that ends one buffer and an LF that starts the next as one line break', () => {
    const counter = new LineCounter();
    expect(positionOf(counter, 'ab\r', 0, 3)).toEqual([2, 1]);
    // The next buffer starts at absolute offset 3 with the LF of that CR LF.
    counter.bufferChanged(3);
    expect(positionOf(counter, '\nc', 3, 4)).toEqual([2, 1]);
  });

  it('skips a byte order mark without counting it as a column', () => {
    const counter = new LineCounter();
    counter.skipLeading(1);
    expect(positionOf(counter, '\uFEFF<a/>', 0, 1)).toEqual([1, 1]);
  });
});
