package dev.kigo.generate;

import com.sun.jna.Library;
import com.sun.jna.Native;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Executor;

/**
 * Background threads that give way to the window when the cores are busy. A model run keeps a core fully busy for
 * seconds, and while the app warms up HotSpot's JIT compiler threads want one too; on a two-core machine the FX
 * thread then waits for a core and misses frames (measured in docs/benchmarks.md). On Linux such threads get a higher
 * nice value (a lower priority: allowed without privileges, and per thread there), so the scheduler serves the window
 * first and the model and the compiler still get every cycle nobody else wants. Elsewhere Java's minimum thread
 * priority is the only hint, and the JIT threads are left alone.
 */
public final class YieldingThreads {

    /** CFS weighs nice 10 about one tenth of nice 0: a waiting FX thread gets ~90% of a shared core. */
    public static final int NICE = 10;
    private static final int PRIO_PROCESS = 0; // with a thread id as "who", Linux applies it to that thread alone

    private YieldingThreads() { }

    /** Runs each task on a new daemon thread called {@code name} that lowers its own priority first. */
    public static Executor executor(String name) {
        return task -> {
            Thread thread = new Thread(() -> {
                lowerCurrentThread();
                task.run();
            }, name);
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        };
    }

    /**
     * Lowers the calling thread's scheduling priority to {@link #NICE} where the OS allows it. Returns the thread's
     * nice value afterwards, or empty where there is none to read (not Linux) or the call failed; never throws.
     */
    public static OptionalInt lowerCurrentThread() {
        OptionalInt tid = currentThreadId();
        if (tid.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            CLibrary.INSTANCE.setpriority(PRIO_PROCESS, tid.getAsInt(), NICE);
        } catch (LinkageError | RuntimeException e) {
            // No libc through JNA here: the thread keeps the normal priority, which is only slower for the window.
        }
        return currentNice();
    }

    /**
     * Lowers HotSpot's JIT compiler threads to {@link #NICE} (Linux), so that compiling the app's code while it warms
     * up does not take the FX thread's core either; returns how many threads were lowered. Call it once at start-up
     * with {@code -XX:-UseDynamicNumberOfCompilerThreads}, or again later: HotSpot may add compiler threads.
     */
    public static int lowerJitCompilerThreads() {
        File[] tasks = new File("/proc/thread-self/..").listFiles(); // this process's threads
        if (tasks == null) {
            return 0;
        }
        int lowered = 0;
        for (File task : tasks) {
            try {
                // Linux cuts thread names to 15 characters: "C2 CompilerThread0" reads "C2 CompilerThre".
                String name = Files.readString(task.toPath().resolve("comm")).strip();
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    if (CLibrary.INSTANCE.setpriority(PRIO_PROCESS, Integer.parseInt(task.getName()), NICE) == 0) {
                        lowered++;
                    }
                }
            } catch (IOException | LinkageError | RuntimeException e) {
                // The thread ended while being read, or no libc through JNA: it keeps its priority.
            }
        }
        return lowered;
    }

    /** The calling thread's nice value (Linux: from /proc/thread-self/stat), or empty elsewhere. */
    public static OptionalInt currentNice() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // Fields after the command name (which may hold spaces) start at "state"; nice is the 19th field overall.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalInt.of(Integer.parseInt(fields[16]));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /** The kernel's id of the calling thread (Linux: /proc/thread-self links to "pid/task/tid"). */
    private static OptionalInt currentThreadId() {
        try {
            Path link = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            return OptionalInt.of(Integer.parseInt(link.getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    private interface CLibrary extends Library {
        CLibrary INSTANCE = Native.load("c", CLibrary.class);

        int setpriority(int which, int who, int priority);
    }
}
