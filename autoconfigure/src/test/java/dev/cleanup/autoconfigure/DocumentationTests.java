package dev.cleanup.autoconfigure;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference of every property, {@code docs/configuration.md}, against the metadata
 * the build generates from {@link CleanupProperties} and the endpoint: a property added
 * without documentation, or documented but gone, fails the build.
 *
 * @author cleanup contributors
 */
class DocumentationTests {

	private static final Pattern DOCUMENTED_KEY = Pattern.compile("(?m)^\\| `([a-z][a-z0-9.<>-]*)` \\|");

	private static final String RESOURCE_KEYS = "cleanup.resources.<name>.";

	@Test
	void everyPropertyOfTheMetadataIsDocumentedAndNoOtherIs() throws Exception {
		Set<String> generated = new TreeSet<>();
		JsonNode metadata = metadata();
		for (JsonNode property : metadata.get("properties")) {
			String name = property.get("name").asString();
			if (name.startsWith("cleanup.") || name.startsWith("management.endpoint.cleanup.")) {
				generated.add(name.equals("cleanup.resources") ? RESOURCE_KEYS + "*" : name);
			}
		}
		// the metadata knows cleanup.resources only as a map: its keys are the fields of
		// the map's values
		for (Field field : CleanupProperties.Resource.class.getDeclaredFields()) {
			if (!Modifier.isStatic(field.getModifiers())) {
				generated.add(RESOURCE_KEYS + field.getName());
			}
		}
		generated.remove(RESOURCE_KEYS + "*");
		Set<String> documented = new TreeSet<>();
		Matcher keys = DOCUMENTED_KEY.matcher(Files.readString(Path.of("..", "docs", "configuration.md")));
		while (keys.find()) {
			documented.add(keys.group(1));
		}
		assertThat(generated).hasSizeGreaterThan(15);
		assertThat(documented).as("documented in docs/configuration.md").isEqualTo(generated);
	}

	/**
	 * The metadata this module's build generated, not that of another jar.
	 */
	private JsonNode metadata() throws Exception {
		for (URL url : Collections
			.list(getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
			if (url.toString().contains("autoconfigure/target/classes")) {
				try (InputStream in = url.openStream()) {
					return JsonMapper.builder().build().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
		}
		throw new IllegalStateException("No generated metadata under autoconfigure/target/classes");
	}

}
