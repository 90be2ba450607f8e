package dev.cleanup.buildsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a child JVM running a main class, for claims about process exit.
 *
 * @author cleanup contributors
 */
public final class ChildJvm {

	private ChildJvm() {
	}

	/**
	 * Start a main class from the test class path with the current JVM's {@code java}.
	 * @param mainClass the main class
	 * @param args its arguments
	 * @return the running child
	 * @throws IOException if it cannot be started
	 */
	public static LoggedProcess start(Class<?> mainClass, String... args) throws IOException {
		return start(Path.of(System.getProperty("java.home"), "bin", "java"), mainClass, args);
	}

	/**
	 * Start a main class from the test class path with the given {@code java} executable.
	 * @param java the {@code java} executable, for example one {@link Jdks} found
	 * @param mainClass the main class
	 * @param args its arguments
	 * @return the running child
	 * @throws IOException if it cannot be started
	 */
	public static LoggedProcess start(Path java, Class<?> mainClass, String... args) throws IOException {
		return start(java, System.getProperty("java.class.path"), mainClass, args);
	}

	/**
	 * Start a main class from the given class path with the given {@code java}
	 * executable.
	 * @param java the {@code java} executable
	 * @param classPath the class path
	 * @param mainClass the main class
	 * @param args its arguments
	 * @return the running child
	 * @throws IOException if it cannot be started
	 */
	public static LoggedProcess start(Path java, String classPath, Class<?> mainClass, String... args)
			throws IOException {
		// Boot's logback base.xml also writes a file: keep it out of the shared temp dir
		List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx160m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-DLOG_FILE=" + Path.of("target", "child-jvm.log").toAbsolutePath(), "-cp",
				classPath, mainClass.getName()));
		command.addAll(List.of(args));
		return LoggedProcess.start(command, "child-jvm");
	}

}
