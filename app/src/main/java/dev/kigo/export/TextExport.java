package dev.kigo.export;

import java.util.List;

/** Plain UTF-8 text: the collection title, then each piece (title line, then its lines), a blank line between. */
final class TextExport {
    private TextExport() { }

    static String render(List<ExportItem> items, ExportOptions options) {
        StringBuilder out = new StringBuilder();
        if (!options.collectionTitle().isEmpty()) {
            out.append(options.collectionTitle()).append("\n\n");
        }
        for (int i = 0; i < items.size(); i++) {
            ExportItem item = items.get(i);
            if (i > 0) {
                out.append('\n');
            }
            if (item.hasTitle()) {
                out.append(item.title()).append('\n');
            }
            out.append(item.text()).append('\n');
        }
        return out.toString();
    }
}
