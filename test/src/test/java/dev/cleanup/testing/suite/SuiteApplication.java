package dev.cleanup.testing.suite;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small service for the suite: one endpoint, and Boot's RestClient builder to call it.
 *
 * @author cleanup contributors
 */
@SpringBootApplication
@RestController
public class SuiteApplication {

	@GetMapping("/hello")
	String hello() {
		return "hello";
	}

}
