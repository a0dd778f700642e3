package dev.kigo.generate;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** A test mask through the logits-processor hook: step k may only pick ids[k]; afterwards end-of-text. */
final class ForcedTokens implements LogitsProcessor {
    private final int[] ids;

    private ForcedTokens(int[] ids) {
        this.ids = ids;
    }

    static Supplier<List<LogitsProcessor>> of(int... ids) {
        return () -> List.of(new ForcedTokens(ids));
    }

    /** The fixture's tokenizer is byte-level: token id = byte value. */
    static Supplier<List<LogitsProcessor>> text(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int[] ids = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            ids[i] = bytes[i] & 0xff;
        }
        return of(ids);
    }

    @Override
    public void process(float[] logits, GenerationContext context) {
        int step = context.generatedCount();
        int allowed = step < ids.length ? ids[step] : context.endOfTextId();
        float keep = logits[allowed];
        Arrays.fill(logits, Float.NEGATIVE_INFINITY);
        logits[allowed] = keep;
    }
}
