package dev.cleanup.autoconfigure;

import java.util.function.Predicate;

import dev.cleanup.core.CloseResult;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Outcome;
import dev.cleanup.lingering.ClientThreadCensus;
import org.jspecify.annotations.Nullable;

/**
 * The names of each client stack's own threads, so that threads still alive after a pool
 * of that stack closed can be listed.
 *
 * @author cleanup contributors
 */
final class ClientThreadNames {

	private ClientThreadNames() {
	}

	/**
	 * Tell the census that a pool closed, so that its stack's threads still alive count
	 * as leaked.
	 * @param census the census
	 * @param result how the pool closed
	 */
	static void recordClosed(ClientThreadCensus census, CloseResult result) {
		Predicate<Thread> threads = of(result.kind());
		if (threads != null && (result.outcome() == Outcome.GRACEFUL || result.outcome() == Outcome.FORCED)) {
			census.poolClosed(result.name(), threads);
		}
	}

	static @Nullable Predicate<Thread> of(Kind kind) {
		return switch (kind) {
			case JETTY_HTTPCLIENT -> (thread) -> thread.getName().startsWith("HttpClient@");
			case JDK_HTTPCLIENT -> (thread) -> thread.getName().startsWith("HttpClient-")
					&& (thread.getName().endsWith("-SelectorManager") || thread.getName().contains("-Worker-"));
			case REACTOR_NETTY -> (thread) -> thread.getName().startsWith("reactor-http-");
			case APACHE_HTTPCLIENT5 -> (thread) -> thread.getName().startsWith("httpclient-dispatch")
					|| thread.getName().startsWith("httpclient-main")
					|| thread.getName().startsWith("idle-connection-evictor");
			case CUSTOM -> null;
		};
	}

}
