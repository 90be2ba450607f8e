package dev.cleanup.lingering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The live platform threads of the JVM, read from the root thread group (no stack traces
 * are taken), and a hint at which client or pool a thread belongs to, from its name.
 *
 * @author cleanup contributors
 */
final class LiveThreads {

	private static final Pattern JDK_HTTP_CLIENT = Pattern.compile("HttpClient-\\d+-.*");

	private static final Pattern DEFAULT_THREAD_FACTORY = Pattern.compile("pool-\\d+-thread-\\d+");

	private LiveThreads() {
	}

	static List<Thread> all() {
		ThreadGroup root = Thread.currentThread().getThreadGroup();
		while (root.getParent() != null) {
			root = root.getParent();
		}
		Thread[] threads = new Thread[root.activeCount() + 16];
		int count = root.enumerate(threads, true);
		while (count == threads.length) {
			threads = new Thread[threads.length * 2];
			count = root.enumerate(threads, true);
		}
		return new ArrayList<>(Arrays.asList(threads).subList(0, count));
	}

	/**
	 * Return who most likely owns a thread with the given name.
	 */
	static String ownerHint(String name) {
		if (name.startsWith("HttpClient@")) {
			return "Jetty HttpClient (not stopped)";
		}
		if (JDK_HTTP_CLIENT.matcher(name).matches()) {
			return "JDK HttpClient";
		}
		if (name.startsWith("reactor-http-") || name.startsWith("webflux-http-") || name.startsWith("reactor-tcp-")) {
			return "Reactor Netty event loop";
		}
		if (name.startsWith("nioEventLoopGroup") || name.startsWith("epollEventLoopGroup")
				|| name.startsWith("multiThreadIoEventLoopGroup")) {
			return "Netty event loop group";
		}
		if (name.startsWith("globalEventExecutor")) {
			return "Netty GlobalEventExecutor";
		}
		if (name.startsWith("httpclient-") || name.startsWith("idle-connection-evictor")) {
			return "Apache HttpClient 5";
		}
		if (name.startsWith("OkHttp")) {
			return "OkHttp";
		}
		if (DEFAULT_THREAD_FACTORY.matcher(name).matches()) {
			return "a user executor or Netty timer (default thread factory)";
		}
		if (name.startsWith("pool-")) {
			return "a user executor";
		}
		return "unknown owner: see its stack";
	}

}
