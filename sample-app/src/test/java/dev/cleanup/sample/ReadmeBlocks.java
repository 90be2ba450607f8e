package dev.cleanup.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outputs the README's getting-started path shows, each in the code block after an
 * HTML comment that names it ({@code <!-- shutdown-report -->}), compared with what the
 * sample really prints and answers, so that the README cannot drift from them. Numbers
 * and the width of gaps differ from run to run and are not compared.
 *
 * @author cleanup contributors
 */
final class ReadmeBlocks {

	private static final Path README = Path.of("..", "README.md");

	private static final JsonMapper json = JsonMapper.builder().build();

	private ReadmeBlocks() {
	}

	/**
	 * Return the lines of the code block after the given marker.
	 * @param marker the marker's name, such as {@code shutdown-report}
	 * @return the block's lines
	 * @throws IOException if the README cannot be read
	 */
	static List<String> block(String marker) throws IOException {
		return dev.cleanup.buildsupport.ReadmeBlocks.block(README, marker);
	}

	/**
	 * Assert that each line of a README block, from the given text on, appears in the
	 * output, numbers and gaps aside.
	 * @param marker the block's marker
	 * @param from where each README line's compared part starts, such as the message
	 * after the log prefix; lines without it are compared whole
	 * @param output the real output
	 * @throws IOException if the README cannot be read
	 */
	static void assertLinesShownIn(String marker, String from, String output) throws IOException {
		assertThat(dev.cleanup.buildsupport.ReadmeBlocks.linesNotShownIn(README, marker, from, output))
			.as("README.md's %s lines not in the real output", marker)
			.isEmpty();
	}

	/**
	 * Assert that the README's JSON block holds the real answer's top-level keys, and
	 * that each object it shows in a list has only keys the real objects of that list
	 * have.
	 * @param marker the block's marker
	 * @param answer the real answer
	 * @throws IOException if the README cannot be read
	 */
	static void assertKeysOf(String marker, String answer) throws IOException {
		JsonNode shown = json.readTree(String.join("\n", block(marker)));
		JsonNode real = json.readTree(answer);
		assertThat(names(shown)).as("top-level keys of README.md's %s", marker).isEqualTo(names(real));
		for (String key : names(shown)) {
			if (shown.get(key).isArray() && shown.get(key).size() > 0 && real.get(key).size() > 0) {
				Set<String> realKeys = new TreeSet<>();
				real.get(key).forEach((item) -> realKeys.addAll(names(item)));
				assertThat(realKeys).as("keys of %s items", key).containsAll(names(shown.get(key).get(0)));
			}
		}
	}

	private static Set<String> names(JsonNode node) {
		Set<String> names = new TreeSet<>();
		for (Iterator<String> it = node.propertyNames().iterator(); it.hasNext();) {
			names.add(it.next());
		}
		return names;
	}

}
