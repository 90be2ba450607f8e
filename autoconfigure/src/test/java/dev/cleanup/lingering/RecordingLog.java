package dev.cleanup.lingering;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.commons.logging.Log;

/**
 * A {@link Log} that keeps every WARN message, for assertions.
 *
 * @author cleanup contributors
 */
final class RecordingLog implements Log {

	private final List<String> warnings = new CopyOnWriteArrayList<>();

	List<String> warnings() {
		return this.warnings;
	}

	String joined() {
		return String.join("\n", this.warnings);
	}

	@Override
	public void warn(Object message) {
		this.warnings.add(String.valueOf(message));
	}

	@Override
	public void warn(Object message, Throwable t) {
		this.warnings.add(message + " " + t);
	}

	@Override
	public boolean isWarnEnabled() {
		return true;
	}

	@Override
	public void debug(Object message) {
	}

	@Override
	public void debug(Object message, Throwable t) {
	}

	@Override
	public void error(Object message) {
	}

	@Override
	public void error(Object message, Throwable t) {
	}

	@Override
	public void fatal(Object message) {
	}

	@Override
	public void fatal(Object message, Throwable t) {
	}

	@Override
	public void info(Object message) {
	}

	@Override
	public void info(Object message, Throwable t) {
	}

	@Override
	public void trace(Object message) {
	}

	@Override
	public void trace(Object message, Throwable t) {
	}

	@Override
	public boolean isDebugEnabled() {
		return false;
	}

	@Override
	public boolean isErrorEnabled() {
		return false;
	}

	@Override
	public boolean isFatalEnabled() {
		return false;
	}

	@Override
	public boolean isInfoEnabled() {
		return false;
	}

	@Override
	public boolean isTraceEnabled() {
		return false;
	}

}
