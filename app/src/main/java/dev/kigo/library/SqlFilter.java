package dev.kigo.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The FROM/WHERE/ORDER BY of a {@link SearchQuery}, with its parameters bound in order. */
final class SqlFilter {
    /** bm25 weights per FTS column (title, text, tags, keywords): a word in a title or tag counts more. */
    private static final String RANK = "bm25(piece_fts, 3.0, 1.0, 2.0, 1.5)";

    private final String joinAndWhere;
    private final String orderBy;
    private final List<Object> parameters;

    private SqlFilter(String joinAndWhere, String orderBy, List<Object> parameters) {
        this.joinAndWhere = joinAndWhere;
        this.orderBy = orderBy;
        this.parameters = parameters;
    }

    static SqlFilter of(SearchQuery query) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        Optional<String> match = FtsQuery.toMatchExpression(query.words());
        if (match.isPresent()) {
            sql.append(" JOIN (SELECT rowid AS piece_id, ").append(RANK)
                    .append(" AS rank FROM piece_fts WHERE piece_fts MATCH ?) m ON m.piece_id = p.id");
            parameters.add(match.get());
        }
        List<String> conditions = new ArrayList<>();
        conditions.add(query.inTrash() ? "p.deleted_at IS NOT NULL" : "p.deleted_at IS NULL");
        if (match.isEmpty() && !query.words().isBlank()) {
            conditions.add("0"); // words with nothing to search for ("(", an emoji) find nothing, not everything
        }
        if (query.favouritesOnly()) {
            conditions.add("p.favourite = 1");
        }
        query.formValid().ifPresent(valid -> {
            conditions.add("p.form_valid = ?");
            parameters.add(valid ? 1 : 0);
        });
        query.modelName().ifPresent(model -> {
            conditions.add("g.model_name = ? COLLATE NOCASE");
            parameters.add(model);
        });
        query.createdFrom().ifPresent(from -> {
            conditions.add("p.created_at >= ?");
            parameters.add(from.toEpochMilli());
        });
        query.createdBefore().ifPresent(before -> {
            conditions.add("p.created_at < ?");
            parameters.add(before.toEpochMilli());
        });
        sql.append(" WHERE ").append(String.join(" AND ", conditions));
        return new SqlFilter(sql.toString(), orderBy(query.sort(), match.isPresent()), parameters);
    }

    private static String orderBy(SortOrder sort, boolean ranked) {
        return switch (sort) {
            case RELEVANCE -> ranked ? "m.rank, p.id DESC" : "p.created_at DESC, p.id DESC";
            case NEWEST -> "p.created_at DESC, p.id DESC";
            case OLDEST -> "p.created_at, p.id";
            case RECENTLY_EDITED -> "p.edited_at DESC, p.id DESC";
            // Untitled pieces after titled ones.
            case TITLE -> "p.title = '', p.title COLLATE NOCASE, p.id";
        };
    }

    String joinAndWhere() {
        return joinAndWhere;
    }

    String orderBy() {
        return orderBy;
    }

    List<Object> parameters() {
        return parameters;
    }
}
