package dev.cleanup.bench.jmh;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import dev.cleanup.tracking.InFlightCall;
import dev.cleanup.tracking.InFlightCalls;
import dev.cleanup.tracking.TrackedClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-call cost of in-flight tracking itself: {@link InFlightCalls#start} then
 * {@link InFlightCalls#end}, on one thread and on two threads sharing the tracker.
 *
 * @author cleanup contributors
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = { "-Xmx256m" })
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class InFlightTrackingBenchmark {

	private final InFlightCalls calls = new InFlightCalls();

	private final TrackedClient client = this.calls.namedClient("bench");

	private final URI uri = URI.create("http://127.0.0.1:8081/orders/42?token=secret");

	@Benchmark
	public InFlightCall startAndEnd() {
		InFlightCall call = this.calls.start(this.client, "GET", this.uri);
		this.calls.end(call, null);
		return call;
	}

	@Benchmark
	@Threads(2)
	public InFlightCall startAndEndOnTwoThreads() {
		InFlightCall call = this.calls.start(this.client, "GET", this.uri);
		this.calls.end(call, null);
		return call;
	}

}
