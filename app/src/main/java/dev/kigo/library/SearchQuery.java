package dev.kigo.library;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What to find: search words (any text a poet types: it is never parsed as FTS5 syntax, see
 * {@link FtsQuery}) and filters. Start from {@link #all()} and narrow with the {@code with...} methods.
 *
 * @param words          search words; a word ending in '*' matches as a prefix; {@code title:}, {@code tag:} and
 *                       {@code keyword:} limit a word to that field; blank means every piece, words with
 *                       nothing searchable in them (punctuation, emoji) mean none
 * @param favouritesOnly only favourites
 * @param formValid      only pieces that keep (true) or break (false) their form; empty for both
 * @param modelName      only pieces whose latest generation used this model (case-insensitive)
 * @param createdFrom    created at or after
 * @param createdBefore  created before
 * @param inTrash        list the trash (deleted pieces) instead of the library
 * @param sort           order
 * @param limit          most results
 * @param offset         results to skip (paging)
 */
public record SearchQuery(String words, boolean favouritesOnly, Optional<Boolean> formValid,
                          Optional<String> modelName, Optional<Instant> createdFrom,
                          Optional<Instant> createdBefore, boolean inTrash, SortOrder sort, int limit, int offset) {

    public static final int DEFAULT_LIMIT = 500;

    public SearchQuery {
        words = Objects.requireNonNullElse(words, "");
        Objects.requireNonNull(formValid, "formValid");
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(createdFrom, "createdFrom");
        Objects.requireNonNull(createdBefore, "createdBefore");
        Objects.requireNonNull(sort, "sort");
        if (limit < 1) {
            throw new IllegalArgumentException("A search must return at least 1 result, not " + limit + ".");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("A search cannot skip a negative number of results (" + offset + ").");
        }
    }

    /** True when the words hold something to search for; words that hold nothing find nothing. */
    public boolean hasSearchableWords() {
        return FtsQuery.toMatchExpression(words).isPresent();
    }

    public static SearchQuery all() {
        return new SearchQuery("", false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                false, SortOrder.RELEVANCE, DEFAULT_LIMIT, 0);
    }

    public static SearchQuery words(String words) {
        return all().withWords(words);
    }

    public SearchQuery withWords(String newWords) {
        return new SearchQuery(newWords, favouritesOnly, formValid, modelName, createdFrom, createdBefore, inTrash,
                sort, limit, offset);
    }

    public SearchQuery favouritesOnly(boolean only) {
        return new SearchQuery(words, only, formValid, modelName, createdFrom, createdBefore, inTrash, sort, limit,
                offset);
    }

    public SearchQuery withFormValid(Boolean valid) {
        return new SearchQuery(words, favouritesOnly, Optional.ofNullable(valid), modelName, createdFrom,
                createdBefore, inTrash, sort, limit, offset);
    }

    public SearchQuery withModel(String model) {
        return new SearchQuery(words, favouritesOnly, formValid, Optional.ofNullable(model), createdFrom,
                createdBefore, inTrash, sort, limit, offset);
    }

    /** Created in [from, before); either end may be null for open. */
    public SearchQuery createdBetween(Instant from, Instant before) {
        return new SearchQuery(words, favouritesOnly, formValid, modelName, Optional.ofNullable(from),
                Optional.ofNullable(before), inTrash, sort, limit, offset);
    }

    public SearchQuery inTrash(boolean trash) {
        return new SearchQuery(words, favouritesOnly, formValid, modelName, createdFrom, createdBefore, trash, sort,
                limit, offset);
    }

    public SearchQuery sortedBy(SortOrder order) {
        return new SearchQuery(words, favouritesOnly, formValid, modelName, createdFrom, createdBefore, inTrash,
                order, limit, offset);
    }

    public SearchQuery page(int newLimit, int newOffset) {
        return new SearchQuery(words, favouritesOnly, formValid, modelName, createdFrom, createdBefore, inTrash,
                sort, newLimit, newOffset);
    }
}
