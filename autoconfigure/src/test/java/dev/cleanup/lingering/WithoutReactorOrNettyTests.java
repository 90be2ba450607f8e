package dev.cleanup.lingering;

import java.io.File;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

import dev.cleanup.buildsupport.ChildJvm;
import dev.cleanup.buildsupport.LoggedProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the census, the sources that need no client library, the thread census and
 * the watchdog work without Reactor and Netty on the class path.
 *
 * @author cleanup contributors
 */
class WithoutReactorOrNettyTests {

	@Test
	void everythingButTheReactorAndNettySourcesWorksWithoutThoseLibraries() throws Exception {
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.contains("/io/projectreactor/") && !entry.contains("/io/netty/"))
			.collect(Collectors.joining(File.pathSeparator));
		try (LoggedProcess child = ChildJvm.start(Paths.get(System.getProperty("java.home"), "bin", "java"), classPath,
				WithoutReactorOrNettyChild.class)) {
			assertThat(child.awaitExit(Duration.ofSeconds(60))).as(child::output).isTrue();
			assertThat(child.output()).contains("reactor present=false", "netty present=false", "lingering=2",
					"sources=3", "removed=1", "leaked=0", "shutdown in progress=false");
			assertThat(child.exitCode()).isZero();
		}
	}

}
