package dev.cleanup.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Configuration properties for the ordered shutdown of outbound HTTP clients.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
@ConfigurationProperties("cleanup")
public class CleanupProperties {

	/**
	 * Default phase of the drain stage: just below the web server's stop, so it runs once
	 * inbound requests are done.
	 */
	public static final int DEFAULT_DRAIN_PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 128;

	/**
	 * Whether to close outbound HTTP clients in stages on shutdown.
	 */
	private boolean enabled = true;

	/**
	 * Time the platform allows for shutdown, for example Kubernetes'
	 * terminationGracePeriodSeconds. Startup warns if the pre-stop delay plus the
	 * worst-case shutdown exceeds it. When not set and Spring Boot detects Kubernetes,
	 * Kubernetes' default of 30s is assumed.
	 */
	private @Nullable Duration terminationGracePeriod;

	/**
	 * Time spent before the application is asked to shut down that counts against the
	 * termination grace period, such as a Kubernetes preStop hook's sleep.
	 */
	private Duration preStopDelay = Duration.ZERO;

	private final Drain drain = new Drain();

	private final Close close = new Close();

	private final Dispose dispose = new Dispose();

	private final Watchdog watchdog = new Watchdog();

	/**
	 * Per-participant settings, by participant name (bean name, registered name or the
	 * name shown by the cleanup endpoint).
	 */
	private Map<String, Resource> resources = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable Duration getTerminationGracePeriod() {
		return this.terminationGracePeriod;
	}

	public void setTerminationGracePeriod(@Nullable Duration terminationGracePeriod) {
		this.terminationGracePeriod = terminationGracePeriod;
	}

	public Duration getPreStopDelay() {
		return this.preStopDelay;
	}

	public void setPreStopDelay(Duration preStopDelay) {
		this.preStopDelay = preStopDelay;
	}

	public Drain getDrain() {
		return this.drain;
	}

	public Close getClose() {
		return this.close;
	}

	public Dispose getDispose() {
		return this.dispose;
	}

	public Watchdog getWatchdog() {
		return this.watchdog;
	}

	public Map<String, Resource> getResources() {
		return this.resources;
	}

	public void setResources(Map<String, Resource> resources) {
		this.resources = resources;
	}

	/**
	 * Drain stage settings.
	 */
	public static class Drain {

		/**
		 * Allowance of each outbound call in flight when shutdown starts, counted from
		 * the start of shutdown, and the longest the drain stage waits. A call still
		 * running when its allowance is over is cut: named in the report, and no later
		 * stage waits for it again.
		 */
		private Duration timeout = Duration.ofSeconds(10);

		/**
		 * SmartLifecycle phase of the drain stage. By default just below the web server's
		 * stop, so that it overlaps Boot's inbound drain.
		 */
		private int phase = DEFAULT_DRAIN_PHASE;

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public int getPhase() {
			return this.phase;
		}

		public void setPhase(int phase) {
			this.phase = phase;
		}

	}

	/**
	 * Close stage settings.
	 */
	public static class Close {

		/**
		 * Longest graceful wait of each client pool before it is closed by force, and the
		 * allowance of each call that starts after shutdown started, counted from its own
		 * start. A pool whose calls in flight all used up their allowance is forced at
		 * once.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		/**
		 * Formerly the SmartLifecycle phase of the close stage: the stage now runs after
		 * the application's own shutdown work, during bean destruction, and has no phase.
		 * Setting it has no effect and logs a WARN at startup.
		 */
		private @Nullable Integer phase;

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		@Deprecated(since = "0.1.0", forRemoval = true)
		@DeprecatedConfigurationProperty(reason = "The close stage runs after the application's own shutdown work, "
				+ "during bean destruction, not at a lifecycle phase", since = "0.1.0")
		public @Nullable Integer getPhase() {
			return this.phase;
		}

		@Deprecated(since = "0.1.0", forRemoval = true)
		public void setPhase(@Nullable Integer phase) {
			this.phase = phase;
		}

	}

	/**
	 * Dispose stage settings.
	 */
	public static class Dispose {

		/**
		 * Longest graceful wait of each shared event loop or client thread pool before it
		 * is closed by force, and the allowance of each call on it that starts after
		 * shutdown started, counted from its own start.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		/**
		 * Formerly the SmartLifecycle phase of the dispose stage: the stage now runs
		 * after the application's own shutdown work, during bean destruction, and has no
		 * phase. Setting it has no effect and logs a WARN at startup.
		 */
		private @Nullable Integer phase;

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		@Deprecated(since = "0.1.0", forRemoval = true)
		@DeprecatedConfigurationProperty(reason = "The dispose stage runs after the application's own shutdown work, "
				+ "during bean destruction, not at a lifecycle phase", since = "0.1.0")
		public @Nullable Integer getPhase() {
			return this.phase;
		}

		@Deprecated(since = "0.1.0", forRemoval = true)
		public void setPhase(@Nullable Integer phase) {
			this.phase = phase;
		}

	}

	/**
	 * Exit watchdog settings: after a plain {@code context.close()} (not in a JVM
	 * shutdown), report the non-daemon threads that still keep the JVM alive.
	 */
	public static class Watchdog {

		/**
		 * Whether to watch for threads that keep the JVM alive after the context closed.
		 */
		private boolean enabled = true;

		/**
		 * Time to wait after the context closed before reporting the threads still alive.
		 * The watchdog stands down when, by then, another application context runs in the
		 * JVM (a DevTools restart, a test suite) or one closed later has its own
		 * watchdog.
		 */
		private Duration grace = Duration.ofSeconds(5);

		/**
		 * What to do about threads still alive: 'log' reports them, 'exit' also ends the
		 * JVM with status 0.
		 */
		private Action action = Action.LOG;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getGrace() {
			return this.grace;
		}

		public void setGrace(Duration grace) {
			this.grace = grace;
		}

		public Action getAction() {
			return this.action;
		}

		public void setAction(Action action) {
			this.action = action;
		}

		/**
		 * What the watchdog does about threads still alive after the grace period.
		 */
		public enum Action {

			/**
			 * Log each thread with its stack.
			 */
			LOG,

			/**
			 * Log each thread, then call {@code System.exit}: status 0 after a normal
			 * close, 1 after a failed startup.
			 */
			EXIT

		}

	}

	/**
	 * Settings of one participant.
	 */
	public static class Resource {

		/**
		 * Whether to close this participant on shutdown.
		 */
		private boolean enabled = true;

		/**
		 * Stage to close this participant in: 'close' or 'dispose'. Defaults to the
		 * participant's own, 'close' for client pools and 'dispose' for shared event
		 * loops.
		 */
		private @Nullable String stage;

		/**
		 * How long this participant's calls may take, and its longest graceful wait
		 * before it is closed by force. A call in flight at shutdown gets the longer of
		 * this and the drain timeout, counted from the start of shutdown; a later call
		 * this, from its own start. Defaults to its stage's timeout.
		 */
		private @Nullable Duration timeout;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getStage() {
			return this.stage;
		}

		public void setStage(@Nullable String stage) {
			this.stage = stage;
		}

		public @Nullable Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(@Nullable Duration timeout) {
			this.timeout = timeout;
		}

	}

}
