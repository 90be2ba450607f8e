package dev.cleanup.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cleanup.buildsupport.ReadmeBlocks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's dependency snippet for this artifact names its real coordinates, with test
 * scope, and so does {@code docs/testing.md}.
 *
 * @author cleanup contributors
 */
class ReadmeSnippetTests {

	private static final Pattern PARENT_VERSION = Pattern.compile("<parent>.*?<version>([^<]+)</version>",
			Pattern.DOTALL);

	private static final Pattern ARTIFACT_ID = Pattern.compile("</parent>.*?<artifactId>([^<]+)</artifactId>",
			Pattern.DOTALL);

	@Test
	void readmeDependencySnippetNamesThisArtifact() throws IOException {
		String snippet = String.join("\n", ReadmeBlocks.block(Path.of("../README.md"), "test-dependency"));
		assertThat(snippet).isEqualTo(expectedSnippet());
	}

	@Test
	void testingPageShowsTheSameSnippet() throws IOException {
		assertThat(Files.readString(Path.of("../docs/testing.md"))).contains(expectedSnippet());
	}

	private static String expectedSnippet() throws IOException {
		String pom = Files.readString(Path.of("pom.xml"));
		return String.join("\n", List.of("<dependency>", "\t<groupId>dev.cleanup</groupId>",
				"\t<artifactId>" + group(ARTIFACT_ID, pom) + "</artifactId>",
				"\t<version>" + group(PARENT_VERSION, pom) + "</version>", "\t<scope>test</scope>", "</dependency>"));
	}

	private static String group(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as(pattern.pattern()).isTrue();
		return matcher.group(1);
	}

}
