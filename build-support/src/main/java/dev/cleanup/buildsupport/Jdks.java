package dev.cleanup.buildsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a JDK of at least a given version, for child JVMs that need Java 21+ APIs: the
 * test JVM's own, or one under {@code /usr/lib/jvm} (a Temurin 25 sits there on the
 * project's machines).
 *
 * @author cleanup contributors
 */
public final class Jdks {

	private static final Pattern JAVA_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

	private Jdks() {
	}

	/**
	 * Return the {@code java} executable of a JDK of at least the given version: the one
	 * the {@code cleanup.test.jdk<version>} system property names, else the test JVM's
	 * own, else one under {@code /usr/lib/jvm}.
	 * @param minimumVersion the lowest feature version, for example 21
	 * @return the executable, or empty if there is none
	 */
	public static Optional<Path> java(int minimumVersion) {
		String configured = System.getProperty("cleanup.test.jdk" + minimumVersion);
		if (configured != null) {
			return Optional.of(Path.of(configured, "bin", "java"));
		}
		List<Path> homes = new ArrayList<>();
		homes.add(Path.of(System.getProperty("java.home")));
		Path jvms = Path.of("/usr/lib/jvm");
		if (Files.isDirectory(jvms)) {
			try (DirectoryStream<Path> entries = Files.newDirectoryStream(jvms)) {
				entries.forEach(homes::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		for (Path home : homes) {
			Path java = home.resolve("bin/java");
			Path release = home.resolve("release");
			if (Files.isExecutable(java) && Files.isRegularFile(release) && version(release) >= minimumVersion) {
				return Optional.of(java);
			}
		}
		return Optional.empty();
	}

	private static int version(Path release) {
		try {
			Matcher matcher = JAVA_VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
			return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

}
