package dev.kigo.ui.timing;

/**
 * The system properties that ask for a frame-timing measurement and its diagnostics, read in one place so the tests
 * that measure say what they need and not how it is spelled. All are off unless set on the command line, e.g.
 * {@code mvn -B test -Dtest='GenerationTest#fxThread*' -Dkigo.measure.pulses=true -Dkigo.debug.stacks=true}.
 */
public final class Measurement {
    private Measurement() {
    }

    /** {@code kigo.measure.pulses}: run the opt-in frame-gap measurements at all. */
    public static boolean pulsesRequested() {
        return Boolean.getBoolean("kigo.measure.pulses");
    }

    /** Why a measurement was skipped, for the assumption that skips it. */
    public static String howToRequest() {
        return "pulse-gap measurement runs with -Dkigo.measure.pulses=true";
    }

    /** {@code kigo.test.runs}: how many generations (or Run alls) back to back. */
    public static int runs(int byDefault) {
        return Integer.getInteger("kigo.test.runs", byDefault);
    }

    /** {@code kigo.debug.stacks}: sample the threads during the run ({@link FxStackSampler}). */
    public static boolean stacksRequested() {
        return Boolean.getBoolean("kigo.debug.stacks");
    }

    /** {@code kigo.debug.stacks.first}: explain the first N gaps instead of the five longest; 0 for the longest. */
    public static int firstGapsToExplain() {
        return Integer.getInteger("kigo.debug.stacks.first", 0);
    }

    /** {@code kigo.debug.frames}: list the nodes each frame repaints ({@link FrameChangeLog}). */
    public static boolean framesRequested() {
        return Boolean.getBoolean("kigo.debug.frames");
    }
}
