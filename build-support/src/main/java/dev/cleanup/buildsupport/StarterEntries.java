package dev.cleanup.buildsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;

/**
 * Finds the class path entry that holds the starter's code, so that a child JVM can run
 * the same application without it.
 *
 * @author cleanup contributors
 */
public final class StarterEntries {

	private static final String STARTER_CLASS = "dev/cleanup/autoconfigure/CleanupAutoConfiguration.class";

	private StarterEntries() {
	}

	/**
	 * Whether a class path entry, a directory or a jar, holds the starter's code.
	 * @param entry the entry
	 * @return {@code true} if it does
	 */
	public static boolean holdsStarter(Path entry) {
		if (Files.isDirectory(entry)) {
			return Files.isRegularFile(entry.resolve(STARTER_CLASS));
		}
		if (!Files.isRegularFile(entry)) {
			return false;
		}
		try (JarFile jar = new JarFile(entry.toFile())) {
			return jar.getEntry(STARTER_CLASS) != null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the class the starter's entry is recognized by, for messages.
	 * @return the class file's path
	 */
	public static String starterClass() {
		return STARTER_CLASS;
	}

}
