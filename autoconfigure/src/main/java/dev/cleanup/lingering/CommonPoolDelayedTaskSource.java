package dev.cleanup.lingering;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ForkJoinPool;

import org.jspecify.annotations.Nullable;

/**
 * Delayed tasks of the common {@link ForkJoinPool}, where JDK 25 and later schedule the
 * timeouts of {@code CompletableFuture.orTimeout}, {@code completeOnTimeout} and
 * {@code delayedExecutor}: among them the read timeouts of Spring's
 * {@code JdkClientHttpRequestFactory}, one per response whose body is not closed. Counted
 * with {@code ForkJoinPool.getDelayedTaskCount()} (JDK 25+), looked up once; on older
 * JDKs the source reports that it is not available. A completed future cancels and
 * removes its timeout, so what is counted is pending.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class CommonPoolDelayedTaskSource implements TimeoutTaskSource {

	/**
	 * The name of this source.
	 */
	public static final String NAME = "common-pool-delayed";

	private static final @Nullable MethodHandle delayedTaskCount = lookUpDelayedTaskCount();

	@Override
	public String name() {
		return NAME;
	}

	/**
	 * Whether the running JDK can count the common pool's delayed tasks.
	 * @return {@code true} on JDK 25 and later
	 */
	public static boolean isAvailable() {
		return delayedTaskCount != null;
	}

	@Override
	public TimeoutTaskSnapshot snapshot(int lingeringLimit, int pendingLimit) {
		MethodHandle count = delayedTaskCount;
		if (count == null) {
			return TimeoutTaskSnapshot.unavailable(NAME,
					"not available: ForkJoinPool.getDelayedTaskCount() needs JDK 25+, running "
							+ Runtime.version().feature());
		}
		try {
			long delayed = (long) count.invokeExact(ForkJoinPool.commonPool());
			return TimeoutTaskSnapshot.counts(NAME, delayed, 0,
					"counts only: an estimate of the common pool's delayed tasks (CompletableFuture timeouts)");
		}
		catch (VirtualMachineError ex) {
			throw ex;
		}
		catch (Throwable ex) {
			return TimeoutTaskSnapshot.unavailable(NAME, "failed: " + TimeoutTaskCensus.describe(ex));
		}
	}

	private static @Nullable MethodHandle lookUpDelayedTaskCount() {
		try {
			return MethodHandles.publicLookup()
				.findVirtual(ForkJoinPool.class, "getDelayedTaskCount", MethodType.methodType(long.class));
		}
		catch (NoSuchMethodException | IllegalAccessException ex) {
			return null;
		}
	}

}
