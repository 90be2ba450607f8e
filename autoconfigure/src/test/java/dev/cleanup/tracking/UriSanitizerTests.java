package dev.cleanup.tracking;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Examples of {@link UriSanitizer}'s promise; {@link UriSanitizerProperties} tries it on
 * generated URIs.
 *
 * @author cleanup contributors
 */
class UriSanitizerTests {

	@Test
	void dropsUserInfoAndFragmentAndMasksQueryValues() {
		assertThat(sanitize("http://user:pass@[::1]:8080/a?token=s&page=2&&flag&=v&token=t#frag"))
			.isEqualTo("http://[::1]:8080/a?token=******&page=******&&flag&=******&token=******");
	}

	@Test
	void showsQueryValuesOnlyWhenAskedButNeverUserInfoFragmentOrPathParameterValues() {
		assertThat(UriSanitizer.sanitize(URI.create("http://u:p@h/a;jsessionid=s?token=t#f"), true))
			.isEqualTo("http://h/a;jsessionid=******?token=t");
	}

	@Test
	void masksPathParameterValuesInEverySegment() {
		assertThat(sanitize("http://h/cart;jsessionid=s1/items;color=red,blue;year=2012;flag;=x/%3Bk=v"))
			.isEqualTo("http://h/cart;jsessionid=******/items;color=******;year=******;flag;=******/%3Bk=v");
	}

	@Test
	void dropsUserInfoOfARegistryBasedAuthority() {
		assertThat(sanitize("http://us%3Aer:p@ss@my_host:80/x")).isEqualTo("http://my_host:80/x");
		assertThat(sanitize("http://üser:pw@bücher.example/x")).isEqualTo("http://bücher.example/x");
	}

	@Test
	void keepsRelativeAndSchemeRelativeUrisAsSuchAndMasksOpaqueOnes() {
		assertThat(sanitize("//user:pw@host:81/p;k=v?q=1#f")).isEqualTo("//host:81/p;k=******?q=******");
		assertThat(sanitize("p;k=v/q?x=1#f")).isEqualTo("p;k=******/q?x=******");
		assertThat(sanitize("mailto:someone@example.com")).isEqualTo("mailto:******");
	}

	@Test
	void cutsLongUrisOutsideMasksEscapesAndTheAuthority() {
		String longQuery = "http://h/p?" + "k=v&".repeat(600);
		String shown = sanitize(longQuery);
		assertThat(shown).hasSizeLessThanOrEqualTo(UriSanitizer.MAX_LENGTH).endsWith("k...");
		assertThat(sanitize("http://h/" + "%C3%A9".repeat(400))).endsWith("%A9...")
			.hasSizeLessThanOrEqualTo(UriSanitizer.MAX_LENGTH);
		assertThat(sanitize("http://u:p@my_" + "x".repeat(2000) + "/p")).isEqualTo("http://...");
	}

	@Test
	void replacesQuotesOfTheUriInAText() {
		URI uri = URI.create("http://u:p@h/a;s=1?t=2#f");
		assertThat(UriSanitizer.sanitizeQuotes("I/O error on GET request for \"" + uri + "\": reset", uri))
			.isEqualTo("I/O error on GET request for \"http://h/a;s=******?t=******\": reset");
		assertThat(UriSanitizer.sanitizeQuotes("Connection refused", uri)).isEqualTo("Connection refused");
	}

	private static String sanitize(String uri) {
		return UriSanitizer.sanitize(URI.create(uri));
	}

}
