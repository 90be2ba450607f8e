package dev.cleanup.tracking;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.stream.Stream;

import dev.cleanup.test.HostileUris.HostileUri;
import dev.cleanup.test.HostileUris;
import org.instancio.junit.Given;
import org.instancio.junit.InstancioExtension;
import org.instancio.junit.Seed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of {@link UriSanitizer}, tried on generated hostile URIs (see
 * {@link HostileUris}): user-info in every form, IPv6 hosts, fragments, matrix
 * parameters, repeated and empty query keys, non-ASCII characters, very long URIs. The
 * seed is fixed and the number of tries bounded, so a run is quick and repeatable; a
 * failure names the URI that broke the property.
 *
 * @author cleanup contributors
 */
@ExtendWith(InstancioExtension.class)
class UriSanitizerProperties {

	static final long SEED = 20261130L;

	static final int TRIES = 1000;

	@Test
	@Seed(SEED)
	void userInfoFragmentsQueryValuesAndPathParameterValuesAreNeverShown(
			@Given(HostileUris.AnyForm.class) Stream<HostileUri> uris) {
		uris.limit(TRIES).forEach((generated) -> {
			String shown = UriSanitizer.sanitize(generated.uri());
			assertThat(HostileUris.leaks(shown, HostileUris.SECRET))
				.as("%s shown as %s", generated, HostileUris.abbreviate(shown))
				.isFalse();
			assertThat(HostileUris.leaks(shown, HostileUris.QUERY_SECRET))
				.as("%s shown as %s", generated, HostileUris.abbreviate(shown))
				.isFalse();
			assertThat(shown.contains("#")).as("%s shown as %s", generated, HostileUris.abbreviate(shown)).isFalse();
			assertThat(authorityOf(shown)).as("%s shown as %s", generated, HostileUris.abbreviate(shown))
				.doesNotContain("@");
			assertThat(shown.length()).as("%s", generated).isLessThanOrEqualTo(UriSanitizer.MAX_LENGTH);
		});
	}

	@Test
	@Seed(SEED)
	void withQueryValuesShownUserInfoFragmentsAndPathParameterValuesStillAreNot(
			@Given(HostileUris.AnyForm.class) Stream<HostileUri> uris) {
		uris.limit(TRIES).forEach((generated) -> {
			String shown = UriSanitizer.sanitize(generated.uri(), true);
			assertThat(HostileUris.leaks(shown, HostileUris.SECRET))
				.as("%s shown as %s", generated, HostileUris.abbreviate(shown))
				.isFalse();
			assertThat(shown.contains("#")).as("%s shown as %s", generated, HostileUris.abbreviate(shown)).isFalse();
			assertThat(authorityOf(shown)).as("%s shown as %s", generated, HostileUris.abbreviate(shown))
				.doesNotContain("@");
			assertThat(shown.length()).as("%s", generated).isLessThanOrEqualTo(UriSanitizer.MAX_LENGTH);
			String query = generated.uri().getRawQuery();
			if (query != null && !shown.endsWith(UriSanitizer.CUT) && !generated.uri().isOpaque()) {
				assertThat(shown.endsWith("?" + query)).as("%s shown as %s", generated, HostileUris.abbreviate(shown))
					.isTrue();
			}
		});
	}

	@Test
	@Seed(SEED)
	void sanitizingIsIdempotentAndGivesAUri(@Given(HostileUris.AnyForm.class) Stream<HostileUri> uris) {
		uris.limit(TRIES).forEach((generated) -> {
			for (boolean showQueryValues : new boolean[] { false, true }) {
				String shown = UriSanitizer.sanitize(generated.uri(), showQueryValues);
				URI again = parse(shown, generated);
				assertThat(UriSanitizer.sanitize(again, showQueryValues))
					.as("%s shown as %s (query values shown: %s)", generated, HostileUris.abbreviate(shown),
							showQueryValues)
					.isEqualTo(shown);
			}
		});
	}

	@Test
	@Seed(SEED)
	void schemeHostPortPathAndKeysAreKeptAndEveryValueMasked(
			@Given(HostileUris.WithExpectedText.class) Stream<HostileUri> uris) {
		uris.limit(TRIES).forEach((generated) -> {
			assertShownAsExpected(generated, UriSanitizer.sanitize(generated.uri()), generated.expected());
			assertShownAsExpected(generated, UriSanitizer.sanitize(generated.uri(), true), generated.expectedShown());
		});
	}

	@Test
	@Seed(SEED)
	void veryLongUrisAreCutWhereTheyStillReadAsSanitized(@Given(HostileUris.VeryLong.class) Stream<HostileUri> uris) {
		int[] cut = new int[1];
		uris.limit(TRIES / 4).forEach((generated) -> {
			String shown = UriSanitizer.sanitize(generated.uri());
			assertThat(shown.length()).as("%s", generated).isLessThanOrEqualTo(UriSanitizer.MAX_LENGTH);
			assertShownAsExpected(generated, shown, generated.expected());
			if (shown.endsWith(UriSanitizer.CUT)) {
				cut[0]++;
				assertThat(shown).as("%s", generated)
					.doesNotEndWith("=" + UriSanitizer.CUT)
					.doesNotEndWith("%" + UriSanitizer.CUT);
			}
		});
		assertThat(cut[0]).as("URIs cut").isGreaterThan(TRIES / 10);
	}

	@Test
	@Seed(SEED)
	void aTextQuotingTheUriQuotesItSanitized(@Given(HostileUris.AnyForm.class) Stream<HostileUri> uris) {
		uris.limit(TRIES).forEach((generated) -> {
			URI uri = generated.uri();
			String message = "I/O error on GET request for \"" + uri + "\": Connection reset; retried "
					+ uri.toASCIIString();
			String safe = UriSanitizer.sanitizeQuotes(message, uri);
			assertThat(HostileUris.leaks(safe, HostileUris.SECRET))
				.as("%s quoted as %s", generated, HostileUris.abbreviate(safe))
				.isFalse();
			assertThat(HostileUris.leaks(safe, HostileUris.QUERY_SECRET))
				.as("%s quoted as %s", generated, HostileUris.abbreviate(safe))
				.isFalse();
			assertThat(safe.startsWith("I/O error on GET request for \"" + UriSanitizer.sanitize(uri) + "\""))
				.as("%s quoted as %s", generated, HostileUris.abbreviate(safe))
				.isTrue();
		});
	}

	private static void assertShownAsExpected(HostileUri generated, String shown, String expected) {
		assertThat(expected).as("expected text of %s", generated).isNotNull();
		if (expected.length() <= UriSanitizer.MAX_LENGTH) {
			assertThat(shown).as("%s", generated).isEqualTo(expected);
		}
		else {
			// Cut where it still reads as a sanitized URI: a prefix of the whole
			String kept = shown.substring(0, Math.max(0, shown.length() - UriSanitizer.CUT.length()));
			assertThat(shown.endsWith(UriSanitizer.CUT) && expected.startsWith(kept))
				.as("%s shown as %s, which is not a cut of %s", generated, HostileUris.abbreviate(shown),
						HostileUris.abbreviate(expected))
				.isTrue();
		}
	}

	private static URI parse(String shown, HostileUri generated) {
		try {
			return new URI(shown);
		}
		catch (URISyntaxException ex) {
			throw new AssertionError(generated + " shown as " + HostileUris.abbreviate(shown) + ", which is no URI",
					ex);
		}
	}

	/**
	 * Return the authority of a shown URI: what follows {@code //} up to the path, query
	 * or end.
	 */
	private static String authorityOf(String shown) {
		int start = shown.indexOf("//");
		if (start < 0 || shown.indexOf('/') < start || (shown.indexOf('?') >= 0 && shown.indexOf('?') < start)) {
			return "";
		}
		int end = start + 2;
		while (end < shown.length() && shown.charAt(end) != '/' && shown.charAt(end) != '?') {
			end++;
		}
		return shown.substring(start + 2, end);
	}

}
