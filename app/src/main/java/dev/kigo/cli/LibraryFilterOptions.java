package dev.kigo.cli;

import dev.kigo.library.SearchQuery;
import dev.kigo.library.SortOrder;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/** The filters and order shared by list, search and export. */
final class LibraryFilterOptions {
    @Option(names = "--favourites", description = "Only favourites.")
    boolean favouritesOnly;

    @Option(names = "--valid", description = "Only pieces that keep their form.")
    boolean validOnly;

    @Option(names = "--invalid", description = "Only pieces that break their form.")
    boolean invalidOnly;

    @Option(names = "--model", paramLabel = "NAME", description = "Only pieces written by this model.")
    String model;

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "Only pieces created on or after this day.")
    LocalDate since;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Only pieces created on or before this day.")
    LocalDate until;

    @Option(names = "--trash", description = "The trash (deleted pieces) instead of the library.")
    boolean trash;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance",
            description = "relevance (newest first without search words), newest, oldest, edited, title. Default: ${DEFAULT-VALUE}.")
    String sort;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + SearchQuery.DEFAULT_LIMIT,
            description = "At most N pieces. Default: ${DEFAULT-VALUE}.")
    int limit;

    /** Why words that hold nothing to search for (punctuation, an emoji) find nothing, or empty if they hold some. */
    static Optional<String> nothingToSearch(SearchQuery query) {
        return query.words().isBlank() || query.hasSearchableWords() ? Optional.empty()
                : Optional.of("\"" + query.words() + "\" has no words to search for");
    }

    SearchQuery query(String words) {
        if (validOnly && invalidOnly) {
            throw new IllegalArgumentException("Choose --valid or --invalid, not both.");
        }
        ZoneId zone = ZoneId.systemDefault();
        return SearchQuery.words(words)
                .favouritesOnly(favouritesOnly)
                .withFormValid(validOnly ? Boolean.TRUE : invalidOnly ? Boolean.FALSE : null)
                .withModel(model)
                .createdBetween(since == null ? null : since.atStartOfDay(zone).toInstant(),
                        until == null ? null : until.plusDays(1).atStartOfDay(zone).toInstant())
                .inTrash(trash)
                .sortedBy(sortOrder())
                .page(limit, 0);
    }

    private SortOrder sortOrder() {
        return switch (sort.strip().toLowerCase(Locale.ROOT)) {
            case "relevance" -> SortOrder.RELEVANCE;
            case "newest" -> SortOrder.NEWEST;
            case "oldest" -> SortOrder.OLDEST;
            case "edited" -> SortOrder.RECENTLY_EDITED;
            case "title" -> SortOrder.TITLE;
            default -> throw new IllegalArgumentException(
                    "Unknown sort order \"" + sort + "\"; use relevance, newest, oldest, edited or title.");
        };
    }
}
