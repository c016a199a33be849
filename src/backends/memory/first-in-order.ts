/**
 * The first `count` items of `items` in `order`, as `items.sort(order)
 * .slice(0, count)` would return them, without sorting everything when only
 * a few are wanted: a bounded max-heap keeps the best `count` seen so far
 * (its root is the worst of them), so the cost is O(n log count) instead of
 * O(n log n). `order` must be a total order (no two items equal), or the
 * result may differ from a stable sort among equal items. `items` may be
 * reordered.
 *
 * @example
 * firstInOrder([5, 1, 4, 2, 3], (a, b) => a - b, 2); // [1, 2]
 */
export function firstInOrder<T>(items: T[], order: (a: T, b: T) => number, count: number): T[] {
  if (count <= 0) return [];
  if (count >= items.length) return items.sort(order);
  const heap: T[] = [];
  for (const item of items) {
    if (heap.length < count) {
      heap.push(item);
      siftUp(heap, heap.length - 1, order);
    } else if (order(item, heap[0]!) < 0) {
      heap[0] = item;
      siftDown(heap, 0, order);
    }
  }
  return heap.sort(order);
}

/** Moves the item at `at` up until its parent is not before it. */
function siftUp<T>(heap: T[], at: number, order: (a: T, b: T) => number): void {
  const item = heap[at]!;
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (order(heap[parent]!, item) >= 0) break;
    heap[at] = heap[parent]!;
    at = parent;
  }
  heap[at] = item;
}

/** Moves the item at `at` down until no child comes after it. */
function siftDown<T>(heap: T[], at: number, order: (a: T, b: T) => number): void {
  const item = heap[at]!;
  for (;;) {
    let latest = 2 * at + 1;
    if (latest >= heap.length) break;
    const right = latest + 1;
    if (right < heap.length && order(heap[right]!, heap[latest]!) > 0) latest = right;
    if (order(heap[latest]!, item) <= 0) break;
    heap[at] = heap[latest]!;
    at = latest;
  }
  heap[at] = item;
}
