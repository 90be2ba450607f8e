package dev.cleanup.test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.cleanup.tracking.UriSanitizer;
import org.instancio.Random;
import org.instancio.junit.GivenProvider;
import org.jspecify.annotations.Nullable;

/**
 * Generated hostile URIs for the property tests of {@link UriSanitizer} and of the places
 * that show a URI. Each URI is built from parts (scheme, user-info, host, port, path
 * segments with parameters, query pairs, fragment) drawn with Instancio's seeded
 * {@link Random}, so that a seed gives the same URIs again. Every part the sanitizer
 * promises to hide holds a secret with the marker {@link #SECRET} (user-info,
 * path-parameter values, fragments) or {@link #QUERY_SECRET} (query values); no other
 * part can hold either marker, so a marker in a shown text, raw or percent-decoded, is a
 * leak.
 * <p>
 * Use a provider as {@code @Given(HostileUris.AnyForm.class) Stream<HostileUri> uris}.
 *
 * @author cleanup contributors
 */
public final class HostileUris {

	/**
	 * Starts every secret the sanitizer must never show.
	 */
	public static final String SECRET = "S3cr3t";

	/**
	 * Starts every secret held in a query value: shown only when query values are.
	 */
	public static final String QUERY_SECRET = "Qv4lu3";

	private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";

	private static final String[] ENCODED = { "%20", "%2F", "%3B", "%3D", "%26", "%3F", "%23", "%40", "%3A", "%25",
			"%2a", "%C3%A9", "%E2%82%AC", "%F0%9F%98%80" };

	private static final String[] NON_ASCII = { "é", "ü", "中", "€", "😀" };

	private static final String SEGMENT_EXTRAS = "-._~!$'()*+,=@:";

	private static final String RELATIVE_SEGMENT_EXTRAS = "-._~!$'()*+,=@";

	private static final String PARAMETER_NAME_EXTRAS = "-._~!$+,:@";

	private static final String PARAMETER_VALUE_EXTRAS = "-._~!$+,:@=*";

	private static final String QUERY_KEY_EXTRAS = "-._~!$+,:@/?;*";

	private static final String QUERY_VALUE_EXTRAS = "-._~!$+,:@/?;*=";

	private static final String[] HOSTS = { "127.0.0.1", "[::1]", "[2001:db8::1]", "[fe80::1%25eth0]",
			"[::ffff:127.0.0.1]", "localhost", "api.example.com", "a-b.example", "h", "xn--bcher-kva.example",
			// registry-based for java.net.URI: an underscore, raw non-ASCII
			"my_host", "bücher.example" };

	private static final String[] SERVER_HOSTS = { "127.0.0.1", "::1", "[2001:db8::1]", "localhost",
			"api.example.com" };

	private static final String[] PARAMETER_NAMES = { "jsessionid", "JSESSIONID", "k", "k2", "v", "" };

	private static final String[] QUERY_KEYS = { "token", "k", "a", "page", "" };

	private HostileUris() {
	}

	/**
	 * Return whether a shown text holds a marker, as it is or percent-decoded.
	 * @param shown the text
	 * @param marker {@link #SECRET} or {@link #QUERY_SECRET}
	 * @return whether the marker leaked
	 */
	public static boolean leaks(String shown, String marker) {
		return shown.contains(marker) || decode(shown).contains(marker);
	}

	/**
	 * Percent-decode a text as UTF-8, leaving anything that is not an escape as it is.
	 * @param text the text
	 * @return the decoded text
	 */
	public static String decode(String text) {
		StringBuilder decoded = new StringBuilder(text.length());
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int i = 0;
		while (i < text.length()) {
			if (text.charAt(i) == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1))
					&& isHex(text.charAt(i + 2))) {
				bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
				i += 3;
				continue;
			}
			if (bytes.size() > 0) {
				decoded.append(bytes.toString(StandardCharsets.UTF_8));
				bytes.reset();
			}
			decoded.append(text.charAt(i));
			i++;
		}
		decoded.append(bytes.toString(StandardCharsets.UTF_8));
		return decoded.toString();
	}

	/**
	 * Return a text for a failure message: as it is if short, else its start and end.
	 * @param text the text
	 * @return the text or its start and end
	 */
	public static String abbreviate(String text) {
		return (text.length() <= 400) ? text : text.substring(0, 250) + "[... " + (text.length() - 350)
				+ " more chars ...]" + text.substring(text.length() - 100);
	}

	private static boolean isHex(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	/**
	 * Any form: absolute, built with {@link URI}'s multi-argument constructor, relative,
	 * opaque or very long.
	 */
	public static final class AnyForm implements GivenProvider {

		@Override
		public Object provide(ElementContext context) {
			Random random = context.random();
			int form = random.intRange(0, 9);
			if (form <= 3) {
				return absolute(random);
			}
			if (form <= 5) {
				return constructed(random);
			}
			if (form <= 7) {
				return relative(random);
			}
			return (form == 8) ? opaque(random) : veryLong(random);
		}

	}

	/**
	 * Forms whose sanitized text is known from their parts: absolute, relative, opaque
	 * and very long.
	 */
	public static final class WithExpectedText implements GivenProvider {

		@Override
		public Object provide(ElementContext context) {
			Random random = context.random();
			int form = random.intRange(0, 5);
			if (form <= 2) {
				return absolute(random);
			}
			if (form == 3) {
				return relative(random);
			}
			return (form == 4) ? opaque(random) : veryLong(random);
		}

	}

	/**
	 * Very long URIs only, most of them longer than {@link UriSanitizer#MAX_LENGTH} once
	 * sanitized.
	 */
	public static final class VeryLong implements GivenProvider {

		@Override
		public Object provide(ElementContext context) {
			return veryLong(context.random());
		}

	}

	/**
	 * An absolute {@code http} or {@code https} URI assembled as a string from raw parts.
	 * @param random the random source
	 * @return the URI
	 */
	static HostileUri absolute(Random random) {
		Parts parts = parts(random, 4, 3, 5, 6);
		return parts.build("absolute", random.oneOf("http", "https") + "://", true);
	}

	/**
	 * A relative URI: scheme-relative, an absolute or relative path, a query or a
	 * fragment alone.
	 * @param random the random source
	 * @return the URI
	 */
	static HostileUri relative(Random random) {
		Parts parts = parts(random, 3, 2, 4, 4);
		int kind = random.intRange(0, 4);
		if (kind == 0) {
			return parts.build("scheme-relative", "//", true);
		}
		Parts pathOnly = parts.withoutAuthority();
		if (kind == 1) {
			return pathOnly.withFirstSegment(literal(random, SEGMENT_EXTRAS, 1, 3), true)
				.build("relative absolute-path", "", false);
		}
		if (kind == 2) {
			// no ':' before the first '/', where it would end a scheme
			return pathOnly.withFirstSegment(literal(random, RELATIVE_SEGMENT_EXTRAS, 1, 3), false)
				.build("relative path", "", false)
				.dropLeadingSlash();
		}
		if (kind == 3) {
			return pathOnly.withoutSegments().build("query alone", "", false);
		}
		return pathOnly.withoutSegments().withoutQuery().build("fragment alone", "", false);
	}

	/**
	 * An opaque URI holding secrets: everything but its scheme is masked.
	 * @param random the random source
	 * @return the URI
	 */
	static HostileUri opaque(Random random) {
		String secret = secretForm(random, SECRET, "");
		String text = switch (random.intRange(0, 4)) {
			case 0 -> "mailto:" + secret + "@example.com";
			case 1 -> "urn:example:" + secret;
			case 2 -> "data:," + secret;
			case 3 -> "tel:+1-555-0100;ext=" + secret;
			default -> "mailto:a@example.com?subject=" + secret + "#" + secret;
		};
		String scheme = text.substring(0, text.indexOf(':'));
		return new HostileUri(parse(text), "opaque", scheme + ":" + UriSanitizer.MASK,
				scheme + ":" + UriSanitizer.MASK);
	}

	/**
	 * A URI built with
	 * {@link URI#URI(String, String, String, int, String, String, String)} from decoded
	 * parts, which quotes what is not legal where it stands and keeps raw non-ASCII
	 * characters.
	 * @param random the random source
	 * @return the URI
	 */
	static HostileUri constructed(Random random) {
		String userInfo = random.trueOrFalse() ? null : decodedUserInfo(random);
		String host = random.oneOf(SERVER_HOSTS);
		int port = random.trueOrFalse() ? -1 : random.intRange(1, 65535);
		StringBuilder path = new StringBuilder();
		for (int s = random.intRange(0, 3); s > 0; s--) {
			path.append('/').append(decodedLiteral(random, "-._~+,=@: ?#%é[]"));
			for (int p = random.intRange(0, 2); p > 0; p--) {
				path.append(';').append(random.oneOf(PARAMETER_NAMES));
				if (random.trueOrFalse(0.8)) {
					path.append('=').append(decodedSecret(random, SECRET, " ?#%é,=[]"));
				}
			}
		}
		String query = null;
		if (random.trueOrFalse(0.7)) {
			List<String> pairs = new ArrayList<>();
			for (int q = random.intRange(0, 4); q > 0; q--) {
				String key = random.oneOf(QUERY_KEYS) + decodedLiteral(random, "-._~ #%é?/");
				pairs
					.add(random.trueOrFalse(0.8) ? key + "=" + decodedSecret(random, QUERY_SECRET, " #%é?/=[]+") : key);
			}
			query = String.join("&", pairs);
		}
		String fragment = random.trueOrFalse(0.6) ? decodedSecret(random, SECRET, " #%é?/=&[]") : null;
		String scheme = random.oneOf("http", "https");
		try {
			URI uri = new URI(scheme, userInfo, host, port, (path.length() > 0) ? path.toString() : null, query,
					fragment);
			return new HostileUri(uri, "constructed", null, null);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("Generated parts java.net.URI rejects", ex);
		}
	}

	/**
	 * A very long absolute URI: many segments, parameters and pairs, long values, a long
	 * segment of escapes and non-ASCII characters, or a long registry-based authority.
	 * @param random the random source
	 * @return the URI
	 */
	static HostileUri veryLong(Random random) {
		Parts parts = parts(random, 60, 4, 150, 40);
		int kind = random.intRange(0, 5);
		if (kind == 0) {
			StringBuilder segment = new StringBuilder();
			while (segment.length() < 2500) {
				segment.append(literal(random, SEGMENT_EXTRAS, 4, 12));
			}
			parts = parts.withFirstSegment(segment.toString(), true);
		}
		else if (kind == 1) {
			parts = parts.withHost("my_" + random.lowerCaseAlphabetic(random.intRange(1990, 2100)));
		}
		return parts.build("very long", random.oneOf("http", "https") + "://", true);
	}

	private static Parts parts(Random random, int maxSegments, int maxParameters, int maxPairs, int maxValueTokens) {
		String userInfo = random.trueOrFalse(0.3) ? null : userInfo(random);
		String host = random.oneOf(HOSTS);
		String port = random.trueOrFalse() ? null : Integer.toString(random.intRange(1, 65535));
		List<Segment> segments = new ArrayList<>();
		for (int s = random.intRange(0, maxSegments); s > 0; s--) {
			List<Parameter> parameters = new ArrayList<>();
			for (int p = random.intRange(0, maxParameters); p > 0; p--) {
				String name = random.trueOrFalse() ? random.oneOf(PARAMETER_NAMES)
						: literal(random, PARAMETER_NAME_EXTRAS, 0, 3);
				String value = switch (random.intRange(0, 5)) {
					case 0 -> null;
					case 1 -> "";
					case 2 -> literal(random, PARAMETER_VALUE_EXTRAS, 1, maxValueTokens);
					default -> secretForm(random, SECRET, PARAMETER_VALUE_EXTRAS);
				};
				parameters.add(new Parameter(name, value));
			}
			segments.add(new Segment(literal(random, SEGMENT_EXTRAS, 0, 3), parameters));
		}
		List<Pair> query = null;
		if (random.trueOrFalse(0.75)) {
			query = new ArrayList<>();
			for (int q = random.intRange(0, maxPairs); q > 0; q--) {
				// a few keys, so that keys repeat
				String key = random.trueOrFalse(0.7) ? random.oneOf(QUERY_KEYS)
						: literal(random, QUERY_KEY_EXTRAS, 1, 3);
				String value = switch (random.intRange(0, 5)) {
					case 0 -> null;
					case 1 -> "";
					case 2 -> literal(random, QUERY_VALUE_EXTRAS, 1, maxValueTokens);
					default -> secretForm(random, QUERY_SECRET, QUERY_VALUE_EXTRAS);
				};
				query.add(new Pair(key, value));
			}
		}
		String fragment = switch (random.intRange(0, 4)) {
			case 0 -> null;
			case 1 -> "";
			case 2 -> "/route?x=" + secretForm(random, SECRET, "");
			default -> secretForm(random, SECRET, "");
		};
		return new Parts(userInfo, host, port, segments, query, fragment);
	}

	private static String userInfo(Random random) {
		String secret = secretForm(random, SECRET, "");
		return switch (random.intRange(0, 8)) {
			case 0 -> secret;
			case 1 -> "user:" + secret;
			case 2 -> secret + ":";
			case 3 -> ":" + secret;
			case 4 -> secret + ":" + secret;
			case 5 -> "us%3Aer:" + secret + "%40x";
			case 6 -> "üser:" + secret;
			case 7 -> "user:pa:" + secret;
			default -> "a;b=c&d+e$f," + secret;
		};
	}

	private static String decodedUserInfo(Random random) {
		String secret = decodedSecret(random, SECRET, " @#%é/?:[]");
		return switch (random.intRange(0, 3)) {
			case 0 -> secret;
			case 1 -> "user:" + secret;
			case 2 -> "us:er@" + secret;
			default -> "üser:" + secret + ":";
		};
	}

	/**
	 * A secret as it stands, percent-encoded in whole or in part, or among other text.
	 */
	private static String secretForm(Random random, String marker, String extras) {
		String secret = marker + random.alphanumeric(random.intRange(4, 10));
		return switch (random.intRange(0, 6)) {
			case 0 -> secret;
			case 1 -> literal(random, extras, 1, 2) + secret + literal(random, extras, 0, 2);
			case 2 -> encodeAll(secret);
			case 3 -> secret + random.oneOf("%40", "%3A", "%2F", "%20", "%C3%A9", "%26", "%3D", "%3B")
					+ random.lowerCaseAlphabetic(2);
			case 4 -> secret + random.oneOf(NON_ASCII);
			case 5 -> "%" + Integer.toHexString(secret.charAt(0)).toUpperCase() + secret.substring(1);
			default -> extras.contains("=") ? "a=" + secret : "a," + secret;
		};
	}

	/**
	 * A decoded secret, for the multi-argument constructor to quote.
	 */
	private static String decodedSecret(Random random, String marker, String specials) {
		String secret = marker + random.alphanumeric(random.intRange(4, 10));
		return switch (random.intRange(0, 2)) {
			case 0 -> secret;
			case 1 ->
				secret + specials.charAt(random.intRange(0, specials.length() - 1)) + random.lowerCaseAlphabetic(2);
			default ->
				random.lowerCaseAlphabetic(1) + specials.charAt(random.intRange(0, specials.length() - 1)) + secret;
		};
	}

	private static String decodedLiteral(Random random, String specials) {
		StringBuilder text = new StringBuilder();
		for (int t = random.intRange(0, 3); t > 0; t--) {
			int kind = random.intRange(0, 2);
			if (kind == 0) {
				text.append(random.lowerCaseAlphabetic(random.intRange(1, 5)));
			}
			else if (kind == 1) {
				text.append(random.oneOf(NON_ASCII));
			}
			else {
				text.append(specials.charAt(random.intRange(0, specials.length() - 1)));
			}
		}
		return text.toString();
	}

	/**
	 * Raw URI text without a marker: lower-case letters and digits, escapes, raw
	 * non-ASCII characters and the given punctuation.
	 */
	private static String literal(Random random, String extras, int minTokens, int maxTokens) {
		StringBuilder text = new StringBuilder();
		for (int t = random.intRange(minTokens, maxTokens); t > 0; t--) {
			int kind = random.intRange(0, (extras.isEmpty()) ? 2 : 3);
			if (kind == 0) {
				text.append(random.stringOf(random.intRange(1, 6), LOWER.toCharArray()));
			}
			else if (kind == 1) {
				text.append(random.oneOf(ENCODED));
			}
			else if (kind == 2) {
				text.append(random.oneOf(NON_ASCII));
			}
			else {
				text.append(extras.charAt(random.intRange(0, extras.length() - 1)));
			}
		}
		return text.toString();
	}

	private static String encodeAll(String text) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			encoded.append('%').append(String.format("%02X", b & 0xff));
		}
		return encoded.toString();
	}

	private static URI parse(String text) {
		try {
			return new URI(text);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("Generated a URI java.net.URI rejects: " + text, ex);
		}
	}

	/**
	 * A generated URI.
	 *
	 * @param uri the URI
	 * @param form how it was built
	 * @param expected its sanitized text with query values masked, where known from its
	 * parts; {@code null} if not known
	 * @param expectedShown its sanitized text with query values shown, where known
	 */
	public record HostileUri(URI uri, String form, @Nullable String expected, @Nullable String expectedShown) {

		HostileUri dropLeadingSlash() {
			return new HostileUri(parse(this.uri.toString().substring(1)), this.form, without(this.expected),
					without(this.expectedShown));
		}

		private static @Nullable String without(@Nullable String text) {
			return (text != null) ? text.substring(1) : null;
		}

		/**
		 * Return the form and the URI, its middle left out if it is long (the seed the
		 * failure reports gives it again).
		 */
		@Override
		public String toString() {
			return this.form + " " + abbreviate(this.uri.toString());
		}

	}

	record Parameter(String name, @Nullable String value) {

		String raw() {
			return ";" + this.name + ((this.value != null) ? "=" + this.value : "");
		}

		String masked() {
			return ";" + this.name + ((this.value != null) ? "=" + UriSanitizer.MASK : "");
		}

	}

	record Segment(String name, List<Parameter> parameters) {

		String text(Function<Parameter, String> parameter) {
			StringBuilder text = new StringBuilder("/").append(this.name);
			this.parameters.forEach((p) -> text.append(parameter.apply(p)));
			return text.toString();
		}

	}

	record Pair(String key, @Nullable String value) {

		String raw() {
			return this.key + ((this.value != null) ? "=" + this.value : "");
		}

		String masked() {
			return this.key + ((this.value != null) ? "=" + UriSanitizer.MASK : "");
		}

	}

	record Parts(@Nullable String userInfo, @Nullable String host, @Nullable String port, List<Segment> segments,
			@Nullable List<Pair> query, @Nullable String fragment) {

		Parts withoutAuthority() {
			return new Parts(null, null, null, this.segments, this.query, this.fragment);
		}

		Parts withHost(String host) {
			return new Parts(this.userInfo, host, this.port, this.segments, this.query, this.fragment);
		}

		Parts withoutSegments() {
			return new Parts(this.userInfo, this.host, this.port, List.of(), this.query, this.fragment);
		}

		Parts withoutQuery() {
			return new Parts(this.userInfo, this.host, this.port, this.segments, null, this.fragment);
		}

		/**
		 * Give the first segment a name of its own, never empty, so that a path without
		 * an authority does not start with {@code //}.
		 */
		Parts withFirstSegment(String name, boolean keepParameters) {
			List<Segment> segments = new ArrayList<>(this.segments);
			if (segments.isEmpty()) {
				segments.add(new Segment(name, List.of()));
			}
			else {
				segments.set(0, new Segment(name, keepParameters ? segments.get(0).parameters() : List.of()));
			}
			return new Parts(this.userInfo, this.host, this.port, segments, this.query, this.fragment);
		}

		HostileUri build(String form, String start, boolean withAuthority) {
			StringBuilder raw = new StringBuilder(start);
			StringBuilder expected = new StringBuilder(start);
			if (withAuthority) {
				if (this.userInfo != null) {
					raw.append(this.userInfo).append('@');
				}
				String hostAndPort = this.host + ((this.port != null) ? ":" + this.port : "");
				raw.append(hostAndPort);
				expected.append(hostAndPort);
			}
			for (Segment segment : this.segments) {
				raw.append(segment.text(Parameter::raw));
				expected.append(segment.text(Parameter::masked));
			}
			StringBuilder expectedShown = new StringBuilder(expected);
			if (this.query != null) {
				String rawQuery = String.join("&", this.query.stream().map(Pair::raw).toList());
				raw.append('?').append(rawQuery);
				expected.append('?').append(String.join("&", this.query.stream().map(Pair::masked).toList()));
				expectedShown.append('?').append(rawQuery);
			}
			if (this.fragment != null) {
				raw.append('#').append(this.fragment);
			}
			return new HostileUri(parse(raw.toString()), form, expected.toString(), expectedShown.toString());
		}

	}

}
