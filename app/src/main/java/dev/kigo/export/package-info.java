/**
 * Writing pieces out as plain text, Markdown or PDF (PDFBox, embedded DejaVu fonts). No UI code, no library
 * access: callers hand over {@link dev.kigo.export.ExportItem}s and {@link dev.kigo.export.ExportOptions}, and
 * {@link dev.kigo.export.Exporter} checks the target, writes it safely and returns an
 * {@link dev.kigo.export.ExportResult}; every problem is an {@link dev.kigo.export.ExportException} in one
 * sentence.
 */
package dev.kigo.export;
