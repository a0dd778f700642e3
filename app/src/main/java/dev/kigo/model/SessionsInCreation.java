package dev.kigo.model;

import java.util.concurrent.TimeUnit;

/**
 * Holds the JVM's exit until no ONNX Runtime session is half made. Closing the studio while a model loads let the JVM
 * exit with a thread inside {@code createSession}: the native runtime was torn down under it and the process died
 * with a segmentation fault instead of exiting. A shutdown hook (run before the JVM halts and native code is torn
 * down) waits for sessions being created, at most {@value #MAX_WAIT_SECONDS} s; the sessions themselves are not
 * closed, as the process is ending.
 */
final class SessionsInCreation {
    static final long MAX_WAIT_SECONDS = 30;
    private static final Object LOCK = new Object();
    private static int inCreation;
    private static boolean hookAdded;

    private SessionsInCreation() { }

    static void begin() {
        synchronized (LOCK) {
            if (!hookAdded) {
                Runtime.getRuntime().addShutdownHook(new Thread(SessionsInCreation::awaitNone, "kigo-await-ort-sessions"));
                hookAdded = true;
            }
            inCreation++;
        }
    }

    static void end() {
        synchronized (LOCK) {
            inCreation--;
            LOCK.notifyAll();
        }
    }

    /** How many sessions are being created right now. */
    static int count() {
        synchronized (LOCK) {
            return inCreation;
        }
    }

    private static void awaitNone() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_WAIT_SECONDS);
        synchronized (LOCK) {
            long left;
            while (inCreation > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(LOCK, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
