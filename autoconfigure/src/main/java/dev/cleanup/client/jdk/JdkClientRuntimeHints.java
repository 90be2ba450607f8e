package dev.cleanup.client.jdk;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;

/**
 * Hints for the JDK client's close API (Java 21 and later), which
 * {@link JdkHttpClientTeardown} looks up by method handle, so that a native image keeps
 * it.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class JdkClientRuntimeHints {

	private JdkClientRuntimeHints() {
	}

	/**
	 * Register the hints.
	 * @param hints the hints to add to
	 */
	public static void register(RuntimeHints hints) {
		hints.reflection()
			.registerType(HttpClient.class, (type) -> type.withMethod("shutdown", List.of(), ExecutableMode.INVOKE)
				.withMethod("shutdownNow", List.of(), ExecutableMode.INVOKE)
				.withMethod("isTerminated", List.of(), ExecutableMode.INVOKE)
				.withMethod("awaitTermination", List.of(TypeReference.of(Duration.class)), ExecutableMode.INVOKE));
	}

}
