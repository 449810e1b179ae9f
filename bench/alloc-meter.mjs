/**
 * Plain JavaScript, shared by bench/lookup-probe.mjs (loaded into a server before tsx) and the
 * benchmarks themselves. Never part of the product.
 */
import v8 from 'node:v8';

/**
 * Bytes allocated on V8's heap between two calls, garbage included (load-independent, unlike
 * times): the heap's growth between collections, from V8's own statistics before and after each.
 */
export function allocationMeter() {
  let profiler = new v8.GCProfiler();
  let from = v8.getHeapStatistics().used_heap_size;
  profiler.start();
  return () => {
    const r = profiler.stop();
    const end = v8.getHeapStatistics().used_heap_size;
    let bytes = 0;
    let last = from;
    for (const g of r?.statistics ?? []) {
      bytes += Math.max(0, g.beforeGC.heapStatistics.usedHeapSize - last);
      last = g.afterGC.heapStatistics.usedHeapSize;
    }
    bytes += Math.max(0, end - last);
    profiler = new v8.GCProfiler();
    from = v8.getHeapStatistics().used_heap_size;
    profiler.start();
    return { bytes, collections: r?.statistics.length ?? 0 };
  };
}
