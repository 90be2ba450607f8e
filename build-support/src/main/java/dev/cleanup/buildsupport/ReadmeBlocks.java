package dev.cleanup.buildsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The outputs a README shows, each in the code block after an HTML comment that names it
 * ({@code <!-- shutdown-report -->}), for tests that compare them with what an
 * application really prints, so that the README cannot drift from it. Numbers and the
 * width of gaps differ from run to run and are not compared.
 *
 * @author cleanup contributors
 */
public final class ReadmeBlocks {

	private ReadmeBlocks() {
	}

	/**
	 * Return the lines of the code block after the given marker.
	 * @param readme the README
	 * @param marker the marker's name, such as {@code shutdown-report}
	 * @return the block's lines
	 * @throws IOException if the README cannot be read
	 * @throws IllegalStateException if the marker or its code block is missing
	 */
	public static List<String> block(Path readme, String marker) throws IOException {
		List<String> lines = Files.readAllLines(readme);
		int at = lines.indexOf("<!-- " + marker + " -->");
		if (at < 0 || at + 1 >= lines.size() || !lines.get(at + 1).startsWith("```")) {
			throw new IllegalStateException("No code block after <!-- " + marker + " --> in " + readme);
		}
		int start = at + 2;
		int end = start;
		while (!lines.get(end).startsWith("```")) {
			end++;
		}
		return lines.subList(start, end);
	}

	/**
	 * Return the lines of a block that the output lacks, each from the given text on,
	 * numbers and gaps aside.
	 * @param readme the README
	 * @param marker the block's marker
	 * @param from where each README line's compared part starts, such as the message
	 * after the log prefix; lines without it are compared whole
	 * @param output the real output
	 * @return the lines the output lacks, empty when it shows them all
	 * @throws IOException if the README cannot be read
	 */
	public static List<String> linesNotShownIn(Path readme, String marker, String from, String output)
			throws IOException {
		String real = normalize(output);
		return block(readme, marker).stream().filter((line) -> {
			int start = line.indexOf(from);
			return !real.contains(normalize((start >= 0) ? line.substring(start) : line));
		}).toList();
	}

	private static String normalize(String text) {
		return text.replaceAll("\\d+", "#").replaceAll("[ \\t]+", " ");
	}

}
