package dev.kigo.ui.timing;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Diagnostic for the frame-gap measurement ({@code -Dkigo.debug.stacks=true}): every 2 ms
 * ({@code -Dkigo.debug.stacks.period=N}) it samples the FX thread's CPU time, every thread's time on a core and
 * waiting for one, and with {@code -Dkigo.debug.stacks.java=true} the FX thread's stack, so the longest gaps can be
 * explained afterwards: what the FX thread ran, and whether it had a core (this is how the JIT compiler threads were
 * found taking it: see YieldingThreads). The sampling costs CPU itself, so its numbers are indicative. Diagnosis only.
 */
public final class FxStackSampler {

    private record Sample(long nanos, long cpuNanos, StackTraceElement[] stack, Map<String, long[]> sched) { }

    private final Thread fxThread;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<Sample> samples = new ArrayList<>();
    private volatile boolean running;
    private Thread sampler;

    public FxStackSampler(Thread fxThread) {
        this.fxThread = fxThread;
    }

    public void start() {
        running = true;
        sampler = new Thread(() -> {
            while (running) {
                long now = System.nanoTime();
                long cpu = threads.getThreadCpuTime(fxThread.getId());
                StackTraceElement[] stack = Boolean.getBoolean("kigo.debug.stacks.java") ? fxThread.getStackTrace() : new StackTraceElement[0];
                Map<String, long[]> sched = schedByThread();
                synchronized (samples) {
                    samples.add(new Sample(now, cpu, stack, sched));
                }
                try {
                    Thread.sleep(Integer.getInteger("kigo.debug.stacks.period", 2));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-stack-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    public void stop() throws InterruptedException {
        running = false;
        sampler.join();
    }

    /** Thread names by task directory, so each sample reads one small file per thread (names rarely change). */
    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    /**
     * Per thread of this process, by name (trailing digits folded): {ns on a core, ns waiting for a core} from
     * Linux's /proc/self/task/N/schedstat. JVM-internal threads (JIT compilers, GC) and native ones (ONNX Runtime)
     * included, to see what shares the cores with the FX thread. Empty elsewhere.
     */
    public static Map<String, long[]> schedByThread() {
        Map<String, long[]> sched = new HashMap<>();
        File[] tasks = new File("/proc/self/task").listFiles();
        if (tasks == null) {
            return sched;
        }
        for (File task : tasks) {
            try {
                String name = NAMES.get(task.getName());
                if (name == null) {
                    name = Files.readString(task.toPath().resolve("comm")).strip().replaceAll("[0-9]+$", "#");
                    NAMES.put(task.getName(), name);
                }
                String[] f = Files.readString(task.toPath().resolve("schedstat")).strip().split(" ");
                sched.merge(name, new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            } catch (IOException | RuntimeException e) {
                // the thread ended while being read
            }
        }
        return sched;
    }

    /** CPU time (ns) of every thread of this process, by name (see {@link #schedByThread}). */
    public static Map<String, Long> cpuByThread() {
        Map<String, Long> cpu = new HashMap<>();
        schedByThread().forEach((name, times) -> cpu.put(name, times[0]));
        return cpu;
    }

    /** The threads that used the most CPU between two {@link #cpuByThread} snapshots. */
    public static String cpuBetween(Map<String, Long> before, Map<String, Long> after, double wallMillis) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "CPU by thread over %.0f ms of wall time:%n", wallMillis));
        after.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 1_000_000).sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> out.append(String.format(Locale.ROOT, "  %8.0f ms  %s%n", e.getValue() / 1e6, e.getKey())));
        return out.toString();
    }

    /** What the FX thread did between {@code fromNanos} and {@code toNanos}: CPU share and the hottest methods. */
    public String explain(long fromNanos, long toNanos, int top) {
        List<Sample> in = new ArrayList<>();
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.nanos() >= fromNanos && s.nanos() <= toNanos) {
                    in.add(s);
                }
            }
        }
        if (in.size() < 2) {
            return "  (no samples)";
        }
        long wall = in.get(in.size() - 1).nanos() - in.get(0).nanos();
        long cpu = in.get(in.size() - 1).cpuNanos() - in.get(0).cpuNanos();
        Map<String, Integer> inclusive = new HashMap<>();
        for (Sample s : in) {
            Set<String> seen = new HashSet<>();
            for (StackTraceElement frame : s.stack()) {
                String name = frame.getClassName().replaceAll("^.*\\.", "") + "." + frame.getMethodName();
                if (seen.add(name)) {
                    inclusive.merge(name, 1, Integer::sum);
                }
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "  %d samples, FX thread on a core %.1f of %.1f ms%n", in.size(), cpu / 1e6, wall / 1e6));
        Map<String, long[]> first = in.get(0).sched(), last = in.get(in.size() - 1).sched();
        last.forEach((name, end) -> {
            long[] start = first.getOrDefault(name, new long[2]);
            long ran = end[0] - start[0], waited = end[1] - start[1];
            if (ran > 500_000 || waited > 500_000) {
                out.append(String.format(Locale.ROOT, "    %-16s ran %5.1f ms, waited for a core %5.1f ms%n", name, ran / 1e6, waited / 1e6));
            }
        });
        if (Boolean.getBoolean("kigo.debug.stacks.raw")) {
            for (Sample sample : in) {
                out.append("   sample:");
                for (int i = 0; i < Math.min(14, sample.stack().length); i++) {
                    StackTraceElement f = sample.stack()[i];
                    out.append(' ').append(f.getClassName().replaceAll("^.*\\.", "")).append('.').append(f.getMethodName());
                }
                out.append('\n');
            }
        }
        inclusive.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(top)
                .forEach(e -> out.append(String.format(Locale.ROOT, "  %4d %s%n", e.getValue(), e.getKey())));
        return out.toString();
    }
}
