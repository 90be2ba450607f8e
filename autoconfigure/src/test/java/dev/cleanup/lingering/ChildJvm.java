package dev.cleanup.lingering;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A small JVM started from the test's class path, its output collected line by line.
 * Always {@link #close() close} it: that destroys the process forcibly.
 *
 * @author cleanup contributors
 */
final class ChildJvm implements AutoCloseable {

	private final Process process;

	private final StringBuffer output = new StringBuffer();

	private final Thread reader;

	private ChildJvm(Process process) {
		this.process = process;
		this.reader = new Thread(this::read, "child-jvm-output");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	static ChildJvm start(Class<?> mainClass, String... args) throws IOException {
		return start(Paths.get(System.getProperty("java.home")), mainClass, args);
	}

	static ChildJvm start(Path javaHome, Class<?> mainClass, String... args) throws IOException {
		return start(javaHome, System.getProperty("java.class.path"), mainClass, args);
	}

	static ChildJvm start(Path javaHome, String classPath, Class<?> mainClass, String... args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(javaHome.resolve("bin").resolve("java").toString());
		command.add("-Xmx64m");
		command.add("-XX:+UseSerialGC");
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-Xshare:auto");
		// Boot's logback base.xml also writes a file; keep it out of the shared temp dir
		command.add("-DLOG_FILE=" + Paths.get("target", "child-jvm.log").toAbsolutePath());
		command.add("-cp");
		command.add(classPath);
		command.add(mainClass.getName());
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		return new ChildJvm(builder.start());
	}

	/**
	 * Find a JDK of at least the given feature release under {@code /usr/lib/jvm} or
	 * named by the {@code cleanup.test.jdk<feature>} system property.
	 */
	static @Nullable Path findJdk(int feature) throws IOException {
		String configured = System.getProperty("cleanup.test.jdk" + feature);
		if (configured != null) {
			return Paths.get(configured);
		}
		Path jvms = Paths.get("/usr/lib/jvm");
		if (!Files.isDirectory(jvms)) {
			return null;
		}
		try (var homes = Files.list(jvms)) {
			for (Path home : (Iterable<Path>) homes.sorted()::iterator) {
				Path release = home.resolve("release");
				if (Files.isExecutable(home.resolve("bin/java")) && Files.isRegularFile(release)
						&& featureOf(Files.readAllLines(release)) >= feature) {
					return home;
				}
			}
		}
		return null;
	}

	private static int featureOf(List<String> release) {
		for (String line : release) {
			if (line.startsWith("JAVA_VERSION=")) {
				String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
				int end = 0;
				while (end < version.length() && Character.isDigit(version.charAt(end))) {
					end++;
				}
				return (end > 0) ? Integer.parseInt(version.substring(0, end)) : -1;
			}
		}
		return -1;
	}

	private void read() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				this.output.append(line).append('\n');
			}
		}
		catch (IOException ex) {
			// the process was destroyed
		}
	}

	String output() {
		return this.output.toString();
	}

	boolean waitFor(long seconds) throws InterruptedException {
		boolean ended = this.process.waitFor(seconds, TimeUnit.SECONDS);
		if (ended) {
			// let the reader drain what the process wrote last
			this.reader.join(TimeUnit.SECONDS.toMillis(10));
		}
		return ended;
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	int exitValue() {
		return this.process.exitValue();
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
	}

}
