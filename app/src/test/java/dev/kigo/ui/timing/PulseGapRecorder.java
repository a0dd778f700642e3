package dev.kigo.ui.timing;

import javafx.animation.AnimationTimer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Records the time between FX pulses with an AnimationTimer (which runs once per pulse). A long gap means the
 * FX thread was busy and the window could not repaint or react to keys for that long.
 * Start and stop it on the FX thread.
 */
public final class PulseGapRecorder extends AnimationTimer {

    private final List<Long> gapsNanos = new ArrayList<>();
    /** System.nanoTime at the end of each gap (AnimationTimer's clock), to line gaps up with FxStackSampler. */
    private final List<Long> endsNanos = new ArrayList<>();
    /** JVM uptime (ms) at the end of each gap, to line gaps up with GC or JIT logs. */
    private final List<Long> endsUptimeMillis = new ArrayList<>();
    private final long uptimeOffsetNanos = System.nanoTime()
            - java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
    private long last = -1;

    @Override
    public void handle(long now) {
        if (last >= 0) {
            gapsNanos.add(now - last);
            endsNanos.add(now);
            endsUptimeMillis.add((now - uptimeOffsetNanos) / 1_000_000L);
        }
        last = now;
    }

    @Override
    public void stop() {
        super.stop();
        last = -1;
    }

    /** Copy of the gaps so far, in milliseconds; call on the FX thread. */
    public List<Double> gapsMillis() {
        return gapsNanos.stream().map(n -> n / 1e6).toList();
    }

    /** The {@code count} longest gaps as "ms@uptime", longest first; call on the FX thread. */
    public String longest(int count) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < gapsNanos.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Long.compare(gapsNanos.get(b), gapsNanos.get(a)));
        StringBuilder text = new StringBuilder();
        for (int i : order.subList(0, Math.min(count, order.size()))) {
            text.append(String.format(Locale.ROOT, "%.1f ms at pulse %d (uptime %d ms); ", gapsNanos.get(i) / 1e6, i,
                    endsUptimeMillis.get(i)));
        }
        return text.toString();
    }

    /** The {@code count} longest gaps as [start, end] in System.nanoTime, longest first; call on the FX thread. */
    public List<long[]> longestWindows(int count) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < gapsNanos.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Long.compare(gapsNanos.get(b), gapsNanos.get(a)));
        return order.subList(0, Math.min(count, order.size())).stream()
                .map(i -> new long[] {endsNanos.get(i) - gapsNanos.get(i), endsNanos.get(i)}).toList();
    }

    /** The first {@code count} gaps as [start, end] in System.nanoTime; call on the FX thread. */
    public List<long[]> firstWindows(int count) {
        List<long[]> windows = new ArrayList<>();
        for (int i = 0; i < Math.min(count, gapsNanos.size()); i++) {
            windows.add(new long[] {endsNanos.get(i) - gapsNanos.get(i), endsNanos.get(i)});
        }
        return windows;
    }

    public static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    public static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index));
    }

    public static String summary(List<Double> gaps) {
        return String.format(Locale.ROOT, "pulses %d, gap median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                gaps.size() + 1, percentile(gaps, 50), percentile(gaps, 95), percentile(gaps, 99), max(gaps));
    }
}
