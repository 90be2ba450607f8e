package dev.cleanup.shapes.scoped;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/**
 * A Spring Batch job that Boot runs at startup, whose one step's tasklet is a
 * {@code @StepScope} bean calling the upstream through a RestClient from Boot's builder:
 * Spring destroys the tasklet when the step ends, while the service runs on. Spring
 * Batch 6's types, so on Boot 4 only.
 *
 * @author cleanup contributors
 */
@Configuration(proxyBeanMethods = false)
class StepScopedJobConfiguration {

	@Bean
	@StepScope
	Tasklet upstreamTasklet(RestClient.Builder builder, Environment environment) {
		RestClient client = builder.baseUrl(environment.getRequiredProperty("shape.upstream")).build();
		return (contribution, chunkContext) -> {
			System.out.println("Step call answered: " + client.get().uri("/delay/10").retrieve().body(String.class));
			return RepeatStatus.FINISHED;
		};
	}

	@Bean
	Step upstreamStep(JobRepository jobRepository, Tasklet upstreamTasklet) {
		return new StepBuilder("upstreamStep", jobRepository).tasklet(upstreamTasklet).build();
	}

	@Bean
	Job stepScopedJob(JobRepository jobRepository, Step upstreamStep) {
		return new JobBuilder("stepScopedJob", jobRepository).start(upstreamStep).build();
	}

}
