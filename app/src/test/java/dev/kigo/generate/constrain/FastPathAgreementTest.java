package dev.kigo.generate.constrain;

import dev.kigo.generate.PromptFormat;
import dev.kigo.model.TextTokenizer;
import dev.kigo.prosody.Form;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The per-token fast paths of {@link FormKeeper#mask} against the character-by-character rules of
 * {@link FormAutomaton}, for every token of the vocabulary, on states reached by random walks through allowed tokens.
 * The mask may only be stricter in one place: out-of-dictionary word continuations, of which it tries the model's
 * favourite few.
 */
class FastPathAgreementTest {

    @Test
    void gpt2MaskAgreesWithTheRulesOnEveryToken() {
        check(ConstraintFixtures.gpt2(), ConstraintFixtures.gpt2Constraint(), Form.HAIKU, 3, 20);
    }

    @Test
    void byteMaskAgreesWithTheRulesOnEveryTokenForAnotherForm() {
        check(ConstraintFixtures.bytes(), ConstraintFixtures.bytesConstraint(), Form.parse("2-3"), 4, 40);
    }

    private static void check(TextTokenizer tokenizer, SyllableConstraint constraint, Form form, int walks, int steps) {
        TokenTable table = constraint.table(LineLayout.BRACKETED);
        FormAutomaton automaton = new FormAutomaton(form, LineLayout.BRACKETED, table.measure());
        Random random = new Random(11);
        int statesChecked = 0;
        for (int walk = 0; walk < walks; walk++) {
            FormKeeper keeper = new FormKeeper(table, automaton);
            List<Integer> ids = new ArrayList<>();
            for (int step = 0; step < steps; step++) {
                int[] sofar = ids.stream().mapToInt(Integer::intValue).toArray();
                LineState state = keeper.stateFor(sofar).copy();
                float[] logits = new float[table.size()];
                for (int i = 0; i < logits.length; i++) {
                    logits[i] = (float) random.nextGaussian();
                }
                float[] masked = logits.clone();
                keeper.process(masked, sofar);
                List<Integer> allowed = new ArrayList<>();
                for (int id = 0; id < table.size(); id++) {
                    boolean fast = masked[id] != Float.NEGATIVE_INFINITY;
                    boolean rules = byRules(table, automaton, state, id);
                    if (fast && !rules) {
                        fail("mask allows token " + id + " '" + tokenizer.tokenText(id) + "' that the rules refuse, at "
                                + state + " after '" + tokenizer.decode(sofar) + "'");
                    }
                    if (rules && !fast && !isUnknownContinuation(table, state, id)) {
                        fail("mask refuses token " + id + " '" + tokenizer.tokenText(id) + "' that the rules allow, at "
                                + state + " after '" + tokenizer.decode(sofar) + "'");
                    }
                    if (fast && id != table.endOfTextId()) {
                        allowed.add(id);
                    }
                }
                statesChecked++;
                if (allowed.isEmpty() || state.finished) {
                    break;
                }
                ids.add(allowed.get(random.nextInt(allowed.size())));
            }
        }
        assertTrue(statesChecked >= walks * 5, "walks long enough to matter: " + statesChecked);
    }

    @Test
    void maskAgreesWithTheRulesAfterPaddingCliticsAndSpelledLetters() {
        TokenTable table = ConstraintFixtures.gpt2Constraint().table(LineLayout.BRACKETED);
        FormAutomaton automaton = new FormAutomaton(Form.HAIKU, LineLayout.BRACKETED, table.measure());
        TextTokenizer gpt2 = ConstraintFixtures.gpt2();
        for (String sofar : new String[] {" late winter dusk.", " late winter dusk. ", " late winter dusk,",
                " late winter dusk", " I am W", " I am a", " I am war", " late winter dusk. /"}) {
            int[] ids = gpt2.encode(sofar);
            FormKeeper keeper = new FormKeeper(table, automaton);
            LineState state = keeper.stateFor(ids).copy();
            float[] masked = new float[table.size()];
            keeper.process(masked, ids);
            for (int id = 0; id < table.size(); id++) {
                boolean fast = masked[id] != Float.NEGATIVE_INFINITY;
                boolean rules = byRules(table, automaton, state, id);
                if (fast != rules && !(rules && isUnknownContinuation(table, state, id))) {
                    fail("mask " + (fast ? "allows" : "refuses") + " token " + id + " '" + gpt2.tokenText(id)
                            + "' against the rules after '" + sofar + "'");
                }
            }
        }
    }

    private static boolean byRules(TokenTable table, FormAutomaton automaton, LineState state, int id) {
        if (id == table.endOfTextId()) {
            return automaton.canFinish(state);
        }
        String text = table.text(id);
        if (text == null) {
            return false;
        }
        return automaton.advance(state.copy(), text, false);
    }

    private static boolean isUnknownContinuation(TokenTable table, LineState state, int id) {
        return state.previous == LineState.LETTER && table.kind(id) == TokenTable.LETTERS
                && !table.measure().hasCompletion(state.word + TokenTable.lower(table.text(id)));
    }

    @Test
    void aRandomWalkThroughAllowedTokensAlwaysScans() {
        TokenTable table = ConstraintFixtures.gpt2Constraint().table(LineLayout.BRACKETED);
        Form form = Form.parse("4-6");
        FormAutomaton automaton = new FormAutomaton(form, LineLayout.BRACKETED, table.measure());
        TextTokenizer gpt2 = ConstraintFixtures.gpt2();
        Random random = new Random(5);
        for (int walk = 0; walk < 20; walk++) {
            FormKeeper keeper = new FormKeeper(table, automaton);
            List<Integer> ids = new ArrayList<>();
            String text = null;
            for (int step = 0; step < 60 && text == null; step++) {
                int[] sofar = ids.stream().mapToInt(Integer::intValue).toArray();
                float[] logits = new float[table.size()];
                for (int i = 0; i < logits.length; i++) {
                    logits[i] = (float) random.nextGaussian() * 3;
                }
                keeper.process(logits, sofar);
                int best = -1;
                for (int id = 0; id < logits.length; id++) {
                    if (logits[id] != Float.NEGATIVE_INFINITY && (best < 0 || logits[id] > logits[best])) {
                        best = id;
                    }
                }
                assertTrue(best >= 0, "never a dead end without penalties: " + gpt2.decode(sofar));
                if (best == table.endOfTextId()) {
                    text = gpt2.decode(sofar);
                } else {
                    ids.add(best);
                    String decoded = gpt2.decode(ids.stream().mapToInt(Integer::intValue).toArray());
                    if (decoded.contains(")")) {
                        text = decoded;
                    }
                }
            }
            assertTrue(text != null, "a walk ends its piece within 60 tokens: "
                    + gpt2.decode(ids.stream().mapToInt(Integer::intValue).toArray()));
            String poem = PromptFormat.KEYWORDS_TO_HAIKU.extract(text);
            assertTrue(ConstraintFixtures.prosody().check(poem, form).fits(), poem);
            assertEquals(2, poem.lines().count(), poem);
        }
    }
}
