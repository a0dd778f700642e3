package dev.kigo.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The lines of a poem read from a stream as strict UTF-8, one at a time, so a poem of any size is counted in the
 * memory of one line. Lines end as {@code TextSplitter.lines} ends them ({@code \n}, {@code \r} or {@code \r\n}),
 * and what follows the last break is a line too, even when empty. A byte that is not UTF-8 is named with its
 * offset and line, never dropped or replaced.
 */
final class PoemLines {
    /** Longer than any line of verse; a text without line breaks is not read whole into memory. */
    static final int MAX_LINE_CHARS = 100_000;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
    private final StringBuilder line = new StringBuilder();
    /** Bytes taken from {@link #bytes} before its current contents. */
    private long bytesBefore;
    private long lineNumber = 1;
    private boolean endOfInput;
    private boolean lastLineGiven;
    /** Where the first byte that is not UTF-8 stands, once decoding reached it; -1 before. */
    private long badByteOffset = -1;
    private int badByte;
    /** A \r ended the previous line: a \n right after it belongs to the same break. */
    private boolean afterCarriageReturn;

    PoemLines(InputStream in) {
        this.in = in;
        bytes.limit(0);
        chars.limit(0);
    }

    /** The next line without its break, or null after the last one. */
    String next() throws IOException {
        while (true) {
            while (chars.hasRemaining()) {
                char c = chars.get();
                if (afterCarriageReturn && c == '\n') {
                    afterCarriageReturn = false;
                    continue;
                }
                afterCarriageReturn = c == '\r';
                if (c == '\n' || c == '\r') {
                    lineNumber++;
                    String text = line.toString();
                    line.setLength(0);
                    return text;
                }
                if (line.length() == MAX_LINE_CHARS) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "Line %d of the poem is longer "
                            + "than %,d characters; break it into lines.", lineNumber, MAX_LINE_CHARS));
                }
                line.append(c);
            }
            if (endOfInput) {
                if (lastLineGiven) {
                    return null;
                }
                lastLineGiven = true;
                return line.toString();
            }
            decodeMore();
        }
    }

    private void decodeMore() throws IOException {
        if (badByteOffset >= 0) {
            // Every line before the bad byte has been given: now it can be named with its line.
            throw new IllegalArgumentException(String.format(Locale.ROOT, "The poem is not UTF-8 text: the byte at "
                    + "offset %d (0x%02X, line %d) is not UTF-8; save it as UTF-8 and count it again.", badByteOffset,
                    badByte, lineNumber));
        }
        bytesBefore += bytes.position();
        bytes.compact();
        int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
        chars.clear();
        CoderResult result = decoder.decode(bytes, chars, endOfInput);
        if (result.isError()) {
            badByteOffset = bytesBefore + bytes.position();
            badByte = bytes.get(bytes.position()) & 0xFF;
            endOfInput = false;
        } else if (endOfInput) {
            decoder.flush(chars);
        }
        chars.flip();
    }
}
