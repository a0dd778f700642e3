package dev.kigo.model;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The sizes and SHA-256s model.json records for the bundle's files, checked against the bytes the loader reads anyway
 * (model.onnx is hashed once, from memory, before ONNX Runtime parses it). A tokenizer with shuffled ids or a graph
 * with flipped bytes in its weights loads cleanly and writes gibberish; only a recorded checksum tells.
 *
 * <p>A bundle whose model.json records nothing loads unchecked (and says so): that is how a poet's own re-export is
 * accepted, by removing the entry of the file they replaced.
 */
final class RecordedFiles {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** How a refusal ends: the way to accept a file the poet made on purpose. */
    private static final String ACCEPT_OWN = "; if you made it yourself, remove its entry under \"files\" in "
            + LanguageModel.MANIFEST_FILE + " to load it unchecked.";

    private final Path bundle;
    /** Entries not yet checked, by file name. */
    private final Map<String, ModelManifest.RecordedFile> pending;
    private final boolean recordsAny;

    private RecordedFiles(Path bundle, Map<String, ModelManifest.RecordedFile> files) {
        this.bundle = bundle;
        this.pending = new LinkedHashMap<>(files);
        this.recordsAny = !files.isEmpty();
    }

    /** The entries of model.json's "files", refused when one is not a file name of this folder or not a SHA-256. */
    static RecordedFiles of(Path bundle, ModelManifest manifest) throws ModelLoadException {
        Map<String, ModelManifest.RecordedFile> files = manifest == null || manifest.files() == null ? Map.of()
                : manifest.files();
        Path manifestFile = bundle.resolve(LanguageModel.MANIFEST_FILE);
        for (Map.Entry<String, ModelManifest.RecordedFile> entry : files.entrySet()) {
            String name = entry.getKey();
            if (!isFileName(bundle, name)) {
                throw new ModelLoadException(manifestFile + " lists \"" + name.replaceAll("\\p{Cntrl}", "?") + "\" under \"files\", which is not the"
                        + " name of a file in the model folder.");
            }
            ModelManifest.RecordedFile recorded = entry.getValue();
            if (recorded == null || recorded.sha256() == null || !SHA256.matcher(recorded.sha256()).matches()) {
                throw new ModelLoadException(manifestFile + " gives " + name + " no SHA-256 of 64 lower-case hex digits"
                        + " under \"files\".");
            }
        }
        return new RecordedFiles(bundle, files);
    }

    /**
     * Whether the name is one file's, in this folder, that this file system can hold. The export names its files
     * plainly: a control character (a NUL, a line break) is damage, and would break the sentence that names it.
     */
    private static boolean isFileName(Path bundle, String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")
                || name.chars().anyMatch(Character::isISOControl)) {
            return false;
        }
        try {
            bundle.resolve(name);
            return true;
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** Whether model.json records any file at all (a bundle that records none loads unchecked). */
    boolean recordsAny() {
        return recordsAny;
    }

    /** Whether model.json records this file. */
    boolean records(Path file) {
        return pending.containsKey(file.getFileName().toString());
    }

    /**
     * Checks bytes read for loading against the file's entry, if it has one.
     *
     * @return the bytes' SHA-256 in lower-case hex
     */
    String check(Path file, ByteBuffer bytes) throws ModelLoadException {
        ModelManifest.RecordedFile recorded = pending.remove(file.getFileName().toString());
        if (recorded != null && recorded.bytes() != null && recorded.bytes() != bytes.remaining()) {
            throw new ModelLoadException(file + " is " + bytes.remaining() + " bytes but " + LanguageModel.MANIFEST_FILE
                    + " records " + recorded.bytes() + ", so it was cut short or replaced" + ACCEPT_OWN);
        }
        String sha256 = sha256(bytes);
        if (recorded != null && !recorded.sha256().equals(sha256)) {
            throw new ModelLoadException(file + " does not match the SHA-256 that " + LanguageModel.MANIFEST_FILE
                    + " records for it, so it was damaged or replaced" + ACCEPT_OWN);
        }
        return sha256;
    }

    /** Checks the recorded files the loader does not read itself (weights kept beside the graph). */
    void checkTheRest() throws ModelLoadException {
        for (String name : Map.copyOf(pending).keySet()) {
            Path file = bundle.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new ModelLoadException(file + " is missing, though " + LanguageModel.MANIFEST_FILE
                        + " records it as part of the model.");
            }
            check(file, BundleFile.map(file));
        }
    }

    static String sha256(ByteBuffer bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes.duplicate());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }
}
