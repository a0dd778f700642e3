package dev.kigo.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kigo.library.GenerationRecord;
import dev.kigo.library.Piece;
import dev.kigo.library.StoredGeneration;
import dev.kigo.library.Version;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** How the library commands print pieces: a line per piece for people, one JSON object per piece for programs. */
final class LibraryOutput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());
    private static final int PREVIEW_WIDTH = 72;

    private LibraryOutput() { }

    static String time(Instant instant) {
        return LOCAL_TIME.format(instant);
    }

    /** "12  2024-05-01 09:30  haiku ✓ ★  Old pond: old pond / a frog jumps in / ...  #spring" */
    static String summaryLine(Piece piece) {
        String preview = (piece.title().isEmpty() ? "" : piece.title() + ": ") + piece.text().replace("\n", " / ");
        if (preview.codePointCount(0, preview.length()) > PREVIEW_WIDTH) {
            preview = preview.substring(0, preview.offsetByCodePoints(0, PREVIEW_WIDTH - 1)) + "…";
        }
        String tags = piece.tags().isEmpty() ? "" : "  #" + String.join(" #", piece.tags());
        return String.format("%5d  %s  %-6s %s %s  %s%s", piece.id(), time(piece.createdAt()), piece.content().form(),
                piece.content().formValid() ? "✓" : "✗", piece.favourite() ? "★" : " ", preview, tags);
    }

    static String jsonLine(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A piece could not be written as JSON.", e);
        }
    }

    static ObjectNode pieceJson(Piece piece) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", piece.id());
        node.put("title", piece.title());
        node.put("text", piece.text());
        node.put("form", piece.content().form());
        node.put("formValid", piece.content().formValid());
        node.set("verdict", parseOrText(piece.content().verdictJson()));
        node.put("keywords", piece.keywords());
        node.put("favourite", piece.favourite());
        ArrayNode tags = node.putArray("tags");
        piece.tags().forEach(tags::add);
        node.put("model", piece.modelName());
        if (piece.generationId().isPresent()) {
            node.put("generationId", piece.generationId().getAsLong());
        } else {
            node.putNull("generationId");
        }
        node.put("createdAt", piece.createdAt().toString());
        node.put("editedAt", piece.editedAt().toString());
        node.put("deletedAt", piece.deletedAt().map(Instant::toString).orElse(null));
        return node;
    }

    static ObjectNode generationJson(StoredGeneration stored) {
        GenerationRecord record = stored.record();
        ObjectNode node = JSON.createObjectNode();
        node.put("id", stored.id());
        node.put("model", record.modelName());
        node.put("modelHash", record.modelHash());
        node.put("prompt", record.prompt());
        node.put("promptFormat", record.promptFormat());
        node.set("settings", JSON.valueToTree(record.settings()));
        node.put("device", record.device());
        node.put("rawText", record.rawText());
        ArrayNode tokens = node.putArray("tokenIds");
        record.tokenIds().forEach(tokens::add);
        node.put("finishReason", record.finishReason().name());
        node.put("promptTokens", record.promptTokens());
        node.put("generatedTokens", record.generatedTokens());
        node.put("promptMillis", record.promptMillis());
        node.put("generationMillis", record.generationMillis());
        node.put("meanLogProb", record.meanLogProb());
        node.put("note", record.note());
        node.put("keptForm", record.keptForm());
        node.set("goals", JSON.valueToTree(record.goals()));
        node.put("createdAt", stored.createdAt().toString());
        return node;
    }

    static ArrayNode versionsJson(List<Version> versions) {
        ArrayNode array = JSON.createArrayNode();
        for (Version version : versions) {
            ObjectNode node = array.addObject();
            node.put("id", version.id());
            node.put("kind", version.kind().name());
            node.put("parentId", version.parentId().isPresent() ? version.parentId().getAsLong() : null);
            node.put("title", version.content().title());
            node.put("text", version.content().text());
            node.put("form", version.content().form());
            node.put("formValid", version.content().formValid());
            node.put("generationId", version.generationId().isPresent() ? version.generationId().getAsLong() : null);
            node.put("createdAt", version.createdAt().toString());
        }
        return array;
    }

    /** Stored JSON goes out as JSON; if it does not parse (it came from elsewhere), as the string it is. */
    private static JsonNode parseOrText(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }
}
