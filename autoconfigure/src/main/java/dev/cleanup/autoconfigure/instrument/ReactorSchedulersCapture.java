package dev.cleanup.autoconfigure.instrument;

import dev.cleanup.lingering.ReactorSchedulerTaskSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Installs the Reactor scheduler decorator that lets the starter count delayed tasks such
 * as {@code Mono.timeout}, for the life of one application context. Reactor applies
 * decorators only to executors created after them, so this is a bean factory
 * post-processor: it runs once the starter's conditions have passed and before any
 * singleton is created. The decorator is JVM-wide; installs are counted, and the last
 * context that installed it removes it when it closes.
 *
 * @author cleanup contributors
 */
public final class ReactorSchedulersCapture implements BeanFactoryPostProcessor, DisposableBean {

	private boolean installed;

	@Override
	public synchronized void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (!this.installed) {
			ReactorSchedulerTaskSource.install();
			this.installed = true;
		}
	}

	@Override
	public synchronized void destroy() {
		if (this.installed) {
			this.installed = false;
			ReactorSchedulerTaskSource.uninstall();
		}
	}

}
