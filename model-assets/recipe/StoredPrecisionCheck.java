import dev.kigo.model.DecoderState;
import dev.kigo.model.LanguageModel;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs two exports of one model through Kigo's own engine and prints how far apart their logits are: the prompt
 * step and 40 greedy steps of the first model, fed to both, for a few keyword prompts. Used to show that weights
 * stored at half precision compute what the fp32 export computes.
 *
 * <pre>
 * java -cp app/target/kigo-app-0.1.0-SNAPSHOT.jar model-assets/recipe/StoredPrecisionCheck.java FP32_DIR FP16_DIR
 * </pre>
 */
public final class StoredPrecisionCheck {
    private static final int STEPS = 40;
    private static final List<String> KEYWORDS = List.of("autumn moon", "old pond frog", "snow", "cherry blossoms",
            "winter rain crows", "summer grass");

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: StoredPrecisionCheck REFERENCE_DIR OTHER_DIR");
            System.exit(1);
        }
        try (LanguageModel a = LanguageModel.load(Path.of(args[0]));
             LanguageModel b = LanguageModel.load(Path.of(args[1]))) {
            System.out.printf("reference: %s (weights %s)%nother:     %s (weights %s)%n%n", args[0],
                    a.info().weights(), args[1], b.info().weights());
            System.out.println("| keywords | logit rows compared | largest difference | greedy choices that differ |");
            System.out.println("|---|---|---|---|");
            float overall = 0;
            int differing = 0;
            for (String keywords : KEYWORDS) {
                int[] text = a.tokenizer().encode("(" + keywords + " =");
                int[] prompt = new int[text.length + 1];
                prompt[0] = a.info().eotId();
                System.arraycopy(text, 0, prompt, 1, text.length);
                float worst = 0;
                int changed = 0;
                try (DecoderState sa = a.newState(1); DecoderState sb = b.newState(1)) {
                    float[] la = sa.prefill(new int[][] {prompt})[0].clone();
                    float[] lb = sb.prefill(new int[][] {prompt})[0];
                    for (int step = 0; ; step++) {
                        worst = Math.max(worst, largestDifference(la, lb));
                        int next = argmax(la);
                        if (next != argmax(lb)) {
                            changed++;
                        }
                        if (step == STEPS) {
                            break;
                        }
                        la = sa.step(new int[] {next})[0].clone();
                        lb = sb.step(new int[] {next})[0];
                    }
                }
                System.out.printf("| %s | %d | %.3g | %d |%n", keywords, STEPS + 1, worst, changed);
                overall = Math.max(overall, worst);
                differing += changed;
            }
            System.out.printf("%nlargest difference over all rows: %.3g; greedy choices that differ: %d%n", overall,
                    differing);
        }
    }

    private static float largestDifference(float[] x, float[] y) {
        float worst = 0;
        for (int i = 0; i < x.length; i++) {
            worst = Math.max(worst, Math.abs(x[i] - y[i]));
        }
        return worst;
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private StoredPrecisionCheck() { }
}
