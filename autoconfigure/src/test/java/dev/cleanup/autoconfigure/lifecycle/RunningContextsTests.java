package dev.cleanup.autoconfigure.lifecycle;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RunningContexts}, with real contexts.
 *
 * @author cleanup contributors
 */
class RunningContextsTests {

	private final ConfigurableListableBeanFactory asker = new DefaultListableBeanFactory();

	@Test
	void aContextRunsFromItsRefreshUntilItsCloseHasFinished() throws Exception {
		int before = RunningContexts.otherThan(this.asker);
		CountDownLatch destroying = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		GenericApplicationContext context = new GenericApplicationContext();
		context.registerBean("slowToDestroy", DisposableBean.class, () -> () -> {
			destroying.countDown();
			release.await(10, TimeUnit.SECONDS);
		});
		RunningContexts.add(context);
		assertThat(RunningContexts.otherThan(this.asker)).as("prepared").isEqualTo(before);
		context.refresh();
		assertThat(RunningContexts.otherThan(this.asker)).as("refreshed").isEqualTo(before + 1);
		CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
		assertThat(destroying.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(RunningContexts.otherThan(this.asker)).as("closing").isEqualTo(before + 1);
		assertThat(RunningContexts.otherThan(context.getBeanFactory())).as("asked by itself").isEqualTo(before);
		release.countDown();
		closing.get(10, TimeUnit.SECONDS);
		assertThat(RunningContexts.otherThan(this.asker)).as("closed").isEqualTo(before);
	}

	@Test
	void aContextWhoseRefreshFailedDoesNotRun() {
		int before = RunningContexts.otherThan(this.asker);
		GenericApplicationContext context = new GenericApplicationContext();
		context.registerBean("failing", Object.class, () -> {
			throw new IllegalStateException("failed on purpose");
		});
		RunningContexts.add(context);
		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(context::refresh);
		assertThat(RunningContexts.otherThan(this.asker)).isEqualTo(before);
	}

	@Test
	void aContextNobodyClosedNoLongerCountsOnceCollected() {
		int before = RunningContexts.otherThan(this.asker);
		GenericApplicationContext context = new GenericApplicationContext();
		RunningContexts.add(context);
		context.refresh();
		assertThat(RunningContexts.otherThan(this.asker)).isEqualTo(before + 1);
		context = null;
		await().untilAsserted(() -> {
			System.gc();
			assertThat(RunningContexts.otherThan(this.asker)).isEqualTo(before);
		});
	}

}
