package dev.cleanup.shapes;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.cleanup.buildsupport.StarterEntries;

/**
 * The class path of a shape: the test class path of its line's module without the jars of
 * the libraries the shape lacks, and, for the run without the starter, without the entry
 * that holds the starter's code.
 *
 * @author cleanup contributors
 */
final class ShapeClassPath {

	/**
	 * A jar's version starts with a digit after the artifact name and a dash.
	 */
	private static final Pattern VERSION = Pattern.compile("-\\d.*\\.jar$");

	private ShapeClassPath() {
	}

	/**
	 * Return the class path of a shape.
	 * @param lacks the libraries it lacks
	 * @param withStarter whether the starter stays
	 * @return the class path
	 */
	static String of(Set<Library> lacks, boolean withStarter) {
		List<String> entries = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
		List<String> kept = entries.stream()
			.filter((entry) -> lacks.stream().noneMatch((library) -> library.owns(artifactOf(Path.of(entry)))))
			.filter((entry) -> withStarter || !StarterEntries.holdsStarter(Path.of(entry)))
			.toList();
		if (!withStarter && kept.stream().map(Path::of).anyMatch(StarterEntries::holdsStarter)) {
			throw new IllegalStateException("The starter is still on " + kept);
		}
		return kept.stream().collect(Collectors.joining(File.pathSeparator));
	}

	private static String artifactOf(Path entry) {
		String name = entry.getFileName().toString();
		if (!name.endsWith(".jar")) {
			return "";
		}
		Matcher version = VERSION.matcher(name);
		return version.find() ? name.substring(0, version.start()) : name.substring(0, name.length() - 4);
	}

}
