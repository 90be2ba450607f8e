package dev.cleanup.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds {@code docs/testing.md} to the messages the assertions really give: every line of
 * a failure message is shown there, numbers aside; a line of the page that ends in
 * {@code ...} stands for every line that starts as it does.
 *
 * @author cleanup contributors
 */
final class DocumentedMessages {

	private static final Path PAGE = Path.of("../docs/testing.md");

	private DocumentedMessages() {
	}

	static void assertShownInDocs(Throwable failure) {
		List<String> shown = page().lines().map(DocumentedMessages::normalize).toList();
		for (String line : checkedLines(failure.getMessage())) {
			String real = normalize(line);
			assertThat(shown).as("docs/testing.md shows the line%n  %s%nof the message%n%s", line, failure.getMessage())
				.anySatisfy((documented) -> assertThat(matches(documented, real)).isTrue());
		}
	}

	/**
	 * The message's lines; of a message that quotes the whole report, the lines before
	 * the report and the last one (the report's own lines vary with each shutdown).
	 */
	private static List<String> checkedLines(String message) {
		List<String> lines = message.strip().lines().toList();
		int report = lines.indexOf("The report:");
		if (report < 0) {
			return lines;
		}
		List<String> checked = new ArrayList<>(lines.subList(0, report + 1));
		checked.add(lines.get(lines.size() - 1));
		return checked;
	}

	private static boolean matches(String documented, String real) {
		if (documented.endsWith("...") && documented.length() > 3) {
			return real.startsWith(documented.substring(0, documented.length() - 3));
		}
		return documented.equals(real);
	}

	private static String normalize(String line) {
		return line.strip().replaceAll("\\d+", "0");
	}

	private static String page() {
		try {
			return Files.readString(PAGE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
