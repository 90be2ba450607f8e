package dev.cleanup.autoconfigure.lifecycle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application contexts of this JVM that run: from their preparation (or the creation
 * of the starter's first bean) until their close has finished. The exit watchdog of a
 * context that closed stands down while another one runs: the threads alive then are that
 * context's, not leftovers. Held weakly, so that a context nobody closed does not count
 * once it is gone.
 *
 * @author cleanup contributors
 */
public final class RunningContexts {

	private static final Set<ConfigurableApplicationContext> contexts = Collections
		.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

	private RunningContexts() {
	}

	/**
	 * Note a context, which runs until its close has finished.
	 * @param context the context
	 */
	static void add(ConfigurableApplicationContext context) {
		contexts.add(context);
	}

	/**
	 * Return how many contexts other than the one of a bean factory run now.
	 * @param own the bean factory of the context that asks
	 * @return the number of other running contexts
	 */
	public static int otherThan(ConfigurableListableBeanFactory own) {
		List<ConfigurableApplicationContext> all;
		synchronized (contexts) {
			all = new ArrayList<>(contexts);
		}
		int running = 0;
		for (ConfigurableApplicationContext context : all) {
			if (!isOwnedBy(context, own) && isRunning(context)) {
				running++;
			}
		}
		return running;
	}

	/**
	 * Whether a context runs: active, from the start of its refresh until its close has
	 * finished; a refresh that failed ends it too.
	 */
	private static boolean isRunning(ConfigurableApplicationContext context) {
		return context.isActive();
	}

	private static boolean isOwnedBy(ConfigurableApplicationContext context, ConfigurableListableBeanFactory own) {
		try {
			return context.getBeanFactory() == own;
		}
		catch (IllegalStateException ex) {
			// a refreshable context whose bean factory is gone already
			return false;
		}
	}

}
