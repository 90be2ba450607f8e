package dev.cleanup.shapes.goodbye;

import java.util.List;

/**
 * The client threads of this JVM still alive, by the names each client stack gives its
 * threads: the JDK client's ({@code HttpClient-<id>-...}), Jetty's
 * ({@code HttpClient@<hash>-...}), Reactor Netty's ({@code reactor-http-...}) and
 * Apache's async client's ({@code httpclient-dispatch-...}).
 *
 * @author cleanup contributors
 */
final class ClientThreads {

	private ClientThreads() {
	}

	static void printAlive() {
		List<String> alive = Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter((name) -> name.startsWith("HttpClient") || name.startsWith("reactor-http-")
					|| name.startsWith("httpclient-dispatch-"))
			.sorted()
			.toList();
		System.out.println("Client threads alive after close: " + alive.size() + " " + alive);
	}

}
