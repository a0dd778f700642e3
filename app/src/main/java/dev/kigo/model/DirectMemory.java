package dev.kigo.model;

import java.nio.ByteBuffer;

/**
 * Gives a direct or mapped buffer's memory back at once. Java frees such a buffer only when the collector finds it
 * unreachable, and a small heap may go a long time without a collection: until then a model file's mapped pages, or
 * a prompt's logits (512 positions of a 50,257-token vocabulary are 103 MB), stay in the process's resident memory.
 */
final class DirectMemory {
    private DirectMemory() { }

    /** Frees {@code buffer} (made by allocateDirect or FileChannel.map, not a view of one); nothing may use it after. */
    static void release(ByteBuffer buffer) {
        if (buffer == null || !buffer.isDirect()) {
            return;
        }
        try {
            java.lang.reflect.Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            ((sun.misc.Unsafe) field.get(null)).invokeCleaner(buffer);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Then the collector frees it, as it would any buffer.
        }
    }
}
