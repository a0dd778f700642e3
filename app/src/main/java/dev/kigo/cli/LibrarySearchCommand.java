package dev.kigo.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code list} with search words: the same filters, options and output, best match first. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Find pieces by words in their text, title, tags or keywords, best match first.",
                "Words match other forms of the word (jumping finds jumps); end a word with * to match its start "
                        + "(moo* finds moonlight); \"quote a phrase\"; tag:, title: or keyword: limits a word to that field."})
final class LibrarySearchCommand extends LibraryListCommand {
    @Parameters(paramLabel = "WORDS", arity = "1..*", description = "What to look for.")
    List<String> searchWords;

    @Override
    String words() {
        return String.join(" ", searchWords);
    }
}
