package dev.cleanup.autoconfigure.lifecycle;

import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Notes a Spring application's context as running from its preparation, before its
 * refresh starts threads, for the exit watchdogs of contexts closed earlier in the same
 * JVM (a DevTools restart, a test suite): see {@link RunningContexts}.
 *
 * @author cleanup contributors
 */
final class ExitWatchdogRunListener implements SpringApplicationRunListener {

	@Override
	public void contextPrepared(ConfigurableApplicationContext context) {
		RunningContexts.add(context);
	}

}
