interface PendingRepeat {
  /** When the customer will call again (ms). */
  due: number;
  customerKey: string;
}

/** A customer who has not called back within this long after they meant to has given up. */
const GIVE_UP_MS = 2 * 86_400_000;

/**
 * Customers who will contact a queue again (abandoned, overflowed, or not helped the first time):
 * a min-heap per queue by when they call. The next arrival at a queue after that time is theirs,
 * so repeats take a share of the Poisson arrivals rather than adding to them. Memory stays bounded
 * by the few days of pending repeats.
 */
export class DemoRepeatBook {
  private readonly heaps: PendingRepeat[][];

  constructor(queues: number) {
    this.heaps = Array.from({ length: queues }, () => []);
  }

  schedule(queue: number, due: number, customerKey: string): void {
    const heap = this.heaps[queue];
    heap.push({ due, customerKey });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent].due <= heap[i].due) break;
      [heap[parent], heap[i]] = [heap[i], heap[parent]];
      i = parent;
    }
  }

  /** The customer key of a repeat due by `now` at this queue, if any. */
  take(queue: number, now: number): string | null {
    const heap = this.heaps[queue];
    while (heap.length && heap[0].due <= now) {
      const top = this.pop(heap);
      if (top.due >= now - GIVE_UP_MS) return top.customerKey;
    }
    return null;
  }

  private pop(heap: PendingRepeat[]): PendingRepeat {
    const top = heap[0];
    const last = heap.pop() as PendingRepeat;
    if (heap.length === 0) return top;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && heap[left].due < heap[smallest].due) smallest = left;
      if (right < heap.length && heap[right].due < heap[smallest].due) smallest = right;
      if (smallest === i) return top;
      [heap[smallest], heap[i]] = [heap[i], heap[smallest]];
      i = smallest;
    }
  }
}
