package dev.kigo.library;

/** How search and list results are ordered. */
public enum SortOrder {
    /** Best match first (bm25, titles and tags weigh more); newest first when there are no search words. */
    RELEVANCE,
    NEWEST,
    OLDEST,
    RECENTLY_EDITED,
    TITLE
}
