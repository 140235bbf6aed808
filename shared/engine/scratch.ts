/**
 * Working memory reused from one evaluation to the next: typed arrays that hold no result once
 * the function using them returns (their contents are never read before being written).
 * A large evaluation would otherwise allocate tens of MB of array buffers each time, and V8
 * answers that external memory with full garbage collections of the whole heap.
 * Each name has one user at a time: the engine is synchronous, and no two live uses share one.
 * A pool keeps its largest size: about 40 bytes per trip of the largest org evaluated (72 once
 * its trips' own evaluations were asked for).
 */

const int32 = new Map<string, Int32Array>();
const uint8 = new Map<string, Uint8Array>();

function grownSize(current: number, size: number): number {
  return Math.max(size, Math.ceil(current * 1.25), 64);
}

/** An Int32Array of at least `size` elements with arbitrary contents. */
export function scratchInt32(name: string, size: number): Int32Array {
  let a = int32.get(name);
  if (a === undefined || a.length < size) {
    a = new Int32Array(grownSize(a?.length ?? 0, size));
    int32.set(name, a);
  }
  return a;
}

/** A Uint8Array of at least `size` elements with arbitrary contents. */
export function scratchUint8(name: string, size: number): Uint8Array {
  let a = uint8.get(name);
  if (a === undefined || a.length < size) {
    a = new Uint8Array(grownSize(a?.length ?? 0, size));
    uint8.set(name, a);
  }
  return a;
}
