package dev.cleanup.lingering;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.cleanup.tracking.InFlightCalls;

/**
 * Main class of a child JVM for {@link WithoutReactorOrNettyTests}, started on a class
 * path without Reactor and Netty: uses everything in the package that needs neither.
 *
 * @author cleanup contributors
 */
public final class WithoutReactorOrNettyChild {

	private WithoutReactorOrNettyChild() {
	}

	public static void main(String[] args) throws Exception {
		System.out.println("reactor present=" + isPresent("reactor.core.scheduler.Schedulers"));
		System.out.println("netty present=" + isPresent("io.netty.util.HashedWheelTimer"));
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
		executor.schedule(() -> {
		}, 30, TimeUnit.SECONDS).cancel(false);
		InFlightCalls calls = new InFlightCalls();
		calls.start(calls.namedClient("payments"), "GET", URI.create("http://127.0.0.1:1/slow"), Duration.ZERO);
		TimeoutTaskCensus census = new TimeoutTaskCensus(() -> false);
		census.addSource(new ScheduledExecutorTaskSource("scheduler", executor));
		census.addSource(new OverdueCallTaskSource(calls));
		census.addSource(new CommonPoolDelayedTaskSource());
		Thread.sleep(10);
		TimeoutTaskReport report = census.report();
		System.out.println("lingering=" + report.lingeringCount());
		System.out.println("sources=" + report.sources().size());
		System.out.println("removed=" + census.removeLingering().count());
		System.out.println("leaked=" + new ClientThreadCensus().leakedThreads().threads().size());
		System.out.println("shutdown in progress=" + ExitWatchdog.isShutdownInProgress());
		executor.shutdownNow();
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className);
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

}
