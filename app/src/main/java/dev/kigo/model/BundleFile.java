package dev.kigo.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A bundle file read by Java and handed to native code as bytes, never as a path. JNI passes strings to C as
 * "modified UTF-8", where a character outside the Basic Multilingual Plane (an emoji, a rare kanji) becomes two
 * encoded surrogates: a path no file system has, which ONNX Runtime then reports as a missing or damaged file.
 */
final class BundleFile {
    private BundleFile() { }

    /**
     * The file's bytes, mapped rather than copied: the page cache holds them once, outside the Java heap, and a
     * graph of hundreds of megabytes needs no heap of that size.
     */
    static ByteBuffer map(Path file) throws ModelLoadException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new ModelLoadException(file + " is larger than 2 GB, which ONNX cannot hold in one file: export"
                        + " it with its weights in a separate data file.");
            }
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (AccessDeniedException e) {
            throw new ModelLoadException(file + " cannot be read: permission denied.", e);
        } catch (IOException e) {
            throw new ModelLoadException(file + " cannot be read (" + TextTokenizer.firstLine(e.getMessage()) + ").", e);
        }
    }

    /** The file's bytes on the heap, for files parsed in Java (tokenizer.json is a few megabytes at most). */
    static byte[] read(Path file) throws ModelLoadException {
        ByteBuffer mapped = map(file);
        byte[] bytes = new byte[mapped.remaining()];
        mapped.get(bytes);
        DirectMemory.release(mapped);
        return bytes;
    }

    /** Whether native code receives this path intact: no character of it lies outside the BMP. */
    static boolean survivesJni(Path path) {
        String text = path.toAbsolutePath().toString();
        return text.codePoints().allMatch(Character::isBmpCodePoint);
    }
}
