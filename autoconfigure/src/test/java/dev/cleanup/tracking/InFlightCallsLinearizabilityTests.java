package dev.cleanup.tracking;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import dev.cleanup.core.CallAllowance;
import dev.cleanup.core.ShutdownReport.CutCall;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * The in-flight calls, checked by Lincheck's model checker: calls that end, fail while
 * their pool closes, are cut once their allowance passed, and a report taken meanwhile,
 * on several threads, must each time give results that some sequential order of the same
 * operations gives. A call that ended is then never cut, and a report lists each cut call
 * once.
 * <p>
 * Runs on Java 17 to 24 only: Lincheck 2.39's bytecode rewriting cannot read Java 25's
 * class files ({@code Unsupported class file major version 69}) and then reports hung
 * operations that are its own.
 *
 * @author cleanup contributors
 */
@Param(name = "call", gen = IntGen.class, conf = "0:1")
@EnabledForJreRange(max = JRE.JAVA_24, disabledReason = "Lincheck 2.39 cannot rewrite Java 25's class files")
public class InFlightCallsLinearizabilityTests {

	private final InFlightCalls calls = new InFlightCalls();

	private final TrackedClient client = this.calls.namedClient("payments");

	private final InFlightCall[] started = { start(0), start(1) };

	public InFlightCallsLinearizabilityTests() {
		// the starter closes the client's pool: a call that fails now counts as cut
		this.client.poolClosing();
	}

	private InFlightCall start(int call) {
		return this.calls.start(this.client, "GET", URI.create("http://127.0.0.1/call/" + call));
	}

	@Operation
	public boolean end(@Param(name = "call") int call) {
		return this.calls.end(this.started[call], null);
	}

	@Operation
	public boolean fail(@Param(name = "call") int call) {
		return this.calls.end(this.started[call], new IOException("Connection reset"));
	}

	@Operation
	public int cutOverdue() {
		// every call's allowance is over, long ago (the model checker runs a clock of its
		// own)
		CallAllowance overdue = new CallAllowance(0, Duration.ZERO, Duration.ZERO);
		return this.client.cutOverdue(overdue, Long.MAX_VALUE / 4);
	}

	@Operation
	public List<String> report() {
		return this.calls.cutCalls().stream().map(InFlightCallsLinearizabilityTests::describe).sorted().toList();
	}

	@Operation
	public long cutMeter() {
		return this.client.cutCount();
	}

	private static String describe(CutCall call) {
		String reason = call.reason();
		String why = reason.startsWith("its allowance") ? "allowance passed"
				: reason.startsWith("failed") ? "failed while closing" : reason;
		return call.uri() + ": " + why;
	}

	@Test
	void outcomesAreThoseOfSomeSequentialOrder() {
		LinChecker.check(InFlightCallsLinearizabilityTests.class,
				new ModelCheckingOptions().iterations(6).invocationsPerIteration(1000));
	}

}
