package dev.cleanup.test;

import java.util.List;

/**
 * The names of the threads alive now, for checking that a client's threads are gone.
 *
 * @author cleanup contributors
 */
public final class LiveThreadNames {

	private LiveThreadNames() {
	}

	/**
	 * Return the names of the live threads whose names start with a prefix.
	 * @param prefix the prefix
	 * @return the names, sorted
	 */
	public static List<String> startingWith(String prefix) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter((name) -> name.startsWith(prefix))
			.sorted()
			.toList();
	}

}
