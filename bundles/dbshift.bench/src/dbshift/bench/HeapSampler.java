package dbshift.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Samples this JVM's heap every 200 ms while a copy runs. Used heap alone mostly shows when the collector last
 * ran, so it also records the heap right after each collection (from the collectors' last-GC information), and,
 * when asked to, forces a full collection at every sample and records what survives it: the live heap, which is what
 * "memory bounded whatever the table size" is about. Forced collections cost time, so timed runs do not force.
 */
final class HeapSampler implements AutoCloseable {
    static final long PERIOD_MILLIS = 200;

    /** What was seen; sizes in bytes. {@code live} samples exist only when collections were forced. */
    record HeapStats(int samples, long minUsed, long avgUsed, long maxUsed, int gcs, long maxAfterGc, List<Long> live,
            long maxHeap) {

        long maxLive() {
            return live.stream().mapToLong(Long::longValue).max().orElse(-1);
        }

        long minLive() {
            return live.stream().mapToLong(Long::longValue).min().orElse(-1);
        }

        long avgLive() {
            return (long) live.stream().mapToLong(Long::longValue).average().orElse(-1);
        }

        /** The largest live heap in the first and in the last third of the copy (by sample order, i.e. by time). */
        long[] firstAndLastThirdMaxLive() {
            int n = live.size();
            if (n < 3) {
                return new long[] { -1, -1 };
            }
            long first = live.subList(0, n / 3).stream().mapToLong(Long::longValue).max().orElse(-1);
            long last = live.subList(n - n / 3, n).stream().mapToLong(Long::longValue).max().orElse(-1);
            return new long[] { first, last };
        }
    }

    private final boolean forceGc;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final List<Long> used = new ArrayList<>();
    private final List<Long> live = new ArrayList<>();
    private final Map<String, Long> lastGcIds = new java.util.HashMap<>();
    private long maxAfterGc = -1;
    private int gcs;
    private final Thread thread;
    private volatile boolean running = true;

    HeapSampler(boolean forceGc) {
        this.forceGc = forceGc;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            lastGcIds.put(gc.getName(), gc.getCollectionCount());
        }
        thread = new Thread(this::loop, "dbshift-bench-heap");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (forceGc) {
                    System.gc();
                    live.add(memory.getHeapMemoryUsage().getUsed());
                }
                used.add(memory.getHeapMemoryUsage().getUsed());
                readCollections();
            }
        }
    }

    /** The heap after the latest collection of each collector that ran since the last sample. */
    private void readCollections() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            long count = gc.getCollectionCount();
            Long seen = lastGcIds.put(gc.getName(), count);
            if (seen != null && count > seen) {
                gcs += (int) (count - seen);
                if (gc instanceof com.sun.management.GarbageCollectorMXBean sun && sun.getLastGcInfo() != null) {
                    long after = 0;
                    for (Map.Entry<String, MemoryUsage> e : sun.getLastGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (heapPools.contains(e.getKey())) {
                            after += e.getValue().getUsed();
                        }
                    }
                    maxAfterGc = Math.max(maxAfterGc, after);
                }
            }
        }
    }

    /** Stops sampling and returns what was seen. */
    synchronized HeapStats stop() {
        running = false;
        thread.interrupt();
        used.add(memory.getHeapMemoryUsage().getUsed());
        readCollections();
        long min = used.stream().mapToLong(Long::longValue).min().orElse(0);
        long max = used.stream().mapToLong(Long::longValue).max().orElse(0);
        long avg = (long) used.stream().mapToLong(Long::longValue).average().orElse(0);
        return new HeapStats(used.size(), min, avg, max, gcs, maxAfterGc, List.copyOf(live), memory.getHeapMemoryUsage().getMax());
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
