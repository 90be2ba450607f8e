package dev.cleanup.client;

import java.util.function.BiFunction;
import java.util.function.Predicate;

import dev.cleanup.core.InFlightSource;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Stage;
import dev.cleanup.core.Teardown;
import org.jspecify.annotations.Nullable;

/**
 * A connection pool, event loop group or client a {@link ClientStack} found: the object
 * to close, how to close it, which threads are its own, and whether it is shared by every
 * client of its stack.
 * <p>
 * The teardown function is applied to the resource when the pool is closed or measured;
 * it must not hold the resource itself, so that a pool the starter holds weakly can be
 * garbage collected.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class Pool {

	private final String stack;

	private final Object resource;

	private final Kind kind;

	private final Stage stage;

	private final BiFunction<Object, InFlightSource, Teardown> teardown;

	private final @Nullable Predicate<Thread> threads;

	private final @Nullable String sharedName;

	private final boolean heldUntilClosed;

	private Pool(String stack, Object resource, Kind kind, Stage stage,
			BiFunction<Object, InFlightSource, Teardown> teardown, @Nullable Predicate<Thread> threads,
			@Nullable String sharedName, boolean heldUntilClosed) {
		this.stack = stack;
		this.resource = resource;
		this.kind = kind;
		this.stage = stage;
		this.teardown = teardown;
		this.threads = threads;
		this.sharedName = sharedName;
		this.heldUntilClosed = heldUntilClosed;
	}

	/**
	 * Create a pool.
	 * @param <T> the resource type
	 * @param stack the stack's name, such as {@code jetty}
	 * @param resource the object to close
	 * @param kind the participant kind
	 * @param stage the stage it closes in
	 * @param teardown creates the teardown from the resource and the calls tracked on it;
	 * must not hold the resource
	 * @return the pool
	 */
	@SuppressWarnings("unchecked")
	public static <T> Pool of(String stack, T resource, Kind kind, Stage stage,
			BiFunction<? super T, InFlightSource, Teardown> teardown) {
		return new Pool(stack, resource, kind, stage, (BiFunction<Object, InFlightSource, Teardown>) teardown, null,
				null, false);
	}

	/**
	 * Return this pool with the given threads as its own.
	 * @param threads matches the pool's threads; must not hold the resource
	 * @return a new pool
	 */
	public Pool withThreads(@Nullable Predicate<Thread> threads) {
		return new Pool(this.stack, this.resource, this.kind, this.stage, this.teardown, threads, this.sharedName,
				this.heldUntilClosed);
	}

	/**
	 * Return this pool as one that runs threads which outlive the object that started
	 * them (a Jetty client's, an Apache async client's I/O reactor, an executor a JDK
	 * client was given): it is held strongly until closed, however it was found, since
	 * once it is collected nothing could stop those threads.
	 * @return a new pool
	 */
	public Pool heldUntilClosed() {
		return new Pool(this.stack, this.resource, this.kind, this.stage, this.teardown, this.threads, this.sharedName,
				true);
	}

	/**
	 * Return this pool as one shared by every client of its stack, registered once under
	 * the given name and held strongly.
	 * @param name the participant name
	 * @return a new pool
	 */
	public Pool sharedAs(String name) {
		return new Pool(this.stack, this.resource, this.kind, this.stage, this.teardown, this.threads, name,
				this.heldUntilClosed);
	}

	/**
	 * Return the stack's name, such as {@code jetty}.
	 * @return the name
	 */
	public String stack() {
		return this.stack;
	}

	/**
	 * Return the object to close, which also identifies the pool.
	 * @return the resource
	 */
	public Object resource() {
		return this.resource;
	}

	/**
	 * Return the participant kind.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * Return the stage it closes in.
	 * @return the stage
	 */
	public Stage stage() {
		return this.stage;
	}

	/**
	 * Return the function that creates the teardown; it does not hold the resource.
	 * @return the function
	 */
	public BiFunction<Object, InFlightSource, Teardown> teardown() {
		return this.teardown;
	}

	/**
	 * Return the teardown of this pool, made when it is first measured or closed.
	 * @param calls the calls of its client, for the teardown to wait on
	 * @return the teardown, which holds the resource
	 */
	public Teardown deferredTeardown(InFlightSource calls) {
		return new DeferredTeardown(this.teardown, this.resource, calls);
	}

	/**
	 * Return which threads are the pool's own.
	 * @return the predicate, or {@code null} if they cannot be told apart
	 */
	public @Nullable Predicate<Thread> threads() {
		return this.threads;
	}

	/**
	 * Whether the pool must be held strongly until closed.
	 * @return {@code true} if its threads outlive the object that started them
	 */
	public boolean isHeldUntilClosed() {
		return this.heldUntilClosed;
	}

	/**
	 * Return the name of a pool shared by every client of its stack.
	 * @return the name, or {@code null} for a pool of one's own
	 */
	public @Nullable String sharedName() {
		return this.sharedName;
	}

}
