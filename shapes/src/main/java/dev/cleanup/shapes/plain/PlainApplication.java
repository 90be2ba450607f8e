package dev.cleanup.shapes.plain;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * An application with no HTTP client at all ({@code spring-boot-starter} only): it runs
 * one task and ends.
 *
 * @author cleanup contributors
 */
@SpringBootApplication
public class PlainApplication {

	public static void main(String[] args) {
		SpringApplication.run(PlainApplication.class, args).close();
		System.out.println("Batch context closed");
	}

	@Bean
	CommandLineRunner task() {
		return (args) -> System.out.println("Batch call answered: no client, task done");
	}

}
