package dev.cleanup.autoconfigure;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the code layout: what a client stack needs lives in its
 * {@code dev.cleanup.client.<stack>} package, so no class of
 * {@code dev.cleanup.autoconfigure} names a client library's types or Spring's per-stack
 * wrappers, by import or by full name. Read from the compiled classes' constant pools,
 * which hold every type and string a class refers to.
 *
 * @author cleanup contributors
 */
class PackageLayoutTests {

	private static final Pattern CLIENT_TYPE = Pattern.compile(
			"(^|[^\\w./$]|(^|[;(\\[])L)(java[/.]net[/.]http|org[/.]eclipse[/.]jetty|org[/.]apache[/.]hc|reactor[/.]netty"
					+ "|io[/.]netty|feign)[/.]");

	private static final Pattern PER_STACK_WRAPPER = Pattern
		.compile("org[/.]springframework[/.][\\w/.$]*[/.$](HttpComponents|Jetty|Jdk|Reactor)\\w*"
				+ "(RequestFactory|Connector|RequestFactoryBuilder|ResourceFactory)\\b");

	@Test
	void noClassOfTheAutoConfigurationPackageNamesAClientLibraryOrAPerStackWrapper() throws IOException {
		List<String> found = new ArrayList<>();
		int classes = 0;
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:dev/cleanup/autoconfigure/*.class")) {
			if (resource.getURL().toString().contains("test-classes")) {
				continue;
			}
			classes++;
			try (InputStream content = resource.getInputStream()) {
				for (String constant : utf8Constants(content.readAllBytes())) {
					if (CLIENT_TYPE.matcher(constant).find() || PER_STACK_WRAPPER.matcher(constant).find()) {
						found.add(resource.getFilename() + ": " + constant);
					}
				}
			}
		}
		assertThat(classes).as("classes read").isGreaterThan(30);
		assertThat(found).isEmpty();
	}

	/**
	 * The text constants of a class file (JVMS 4.4): type names, descriptors, string
	 * literals and annotation values all live there.
	 */
	private static List<String> utf8Constants(byte[] classFile) throws IOException {
		DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
		in.skipBytes(8); // magic, minor and major version
		int count = in.readUnsignedShort();
		List<String> constants = new ArrayList<>();
		for (int index = 1; index < count; index++) {
			int tag = in.readUnsignedByte();
			switch (tag) {
				case 1 -> constants.add(in.readUTF());
				case 7, 8, 16, 19, 20 -> in.skipBytes(2);
				case 15 -> in.skipBytes(3);
				case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
				case 5, 6 -> {
					in.skipBytes(8);
					index++; // a long or a double takes two entries
				}
				default -> throw new IllegalStateException("Unknown constant pool tag " + tag);
			}
		}
		return constants;
	}

}
