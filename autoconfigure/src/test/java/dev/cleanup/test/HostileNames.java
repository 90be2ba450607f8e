package dev.cleanup.test;

import java.nio.charset.StandardCharsets;

import org.instancio.Random;
import org.instancio.junit.GivenProvider;

/**
 * Generated hostile participant names, as the endpoint's {@code /{name}} selector may
 * receive them: real names, {@code .} and {@code ..}, slashes, very long ones, empty,
 * non-ASCII, control characters, URL syntax, any code points. Each comes with the path
 * segment that sends it: percent-encoded but for unreserved characters, percent-encoded
 * entirely (so {@code ..} arrives as {@code %2E%2E}), or with sub-delimiters left raw.
 * <p>
 * Use as {@code @Given(HostileNames.Provider.class) Stream<HostileName> names}.
 *
 * @author cleanup contributors
 */
public final class HostileNames {

	private static final String[] REAL = { "http-client-apache", "http-client-reactor", "paymentsClient", "downloads",
			"no-such-pool" };

	private static final String[] DOTS = { ".", "..", "...", "./..", "../..", ".%2E" };

	private static final String[] SLASHES = { "/", "a/b", "../x", "x/..", "//", "\\", "a\\..\\b" };

	private static final String[] CONTROLS = { "\u0000", "\n", "\r\n", "\t", "\u007f", "\u001b[2K", "\u2028", "\u0085",
			"\ufeff", "\u202e" };

	private static final String SYNTAX = "%;?#&=+ \\\"'<>{}|^`[]:@!$()*,";

	private HostileNames() {
	}

	/**
	 * Draws hostile names.
	 */
	public static final class Provider implements GivenProvider {

		@Override
		public Object provide(ElementContext context) {
			Random random = context.random();
			String name = switch (random.intRange(0, 9)) {
				case 0 -> random.oneOf(REAL);
				case 1 -> random.oneOf(DOTS);
				case 2 -> random.lowerCaseAlphabetic(random.intRange(101, 12000));
				case 3 -> "";
				case 4 -> random.oneOf(REAL) + random.oneOf(SLASHES) + random.oneOf(REAL);
				case 5 -> random.oneOf(REAL) + random.oneOf(CONTROLS) + random.oneOf(CONTROLS);
				case 6 -> syntax(random);
				case 7 -> "café-中-😀-" + random.oneOf(REAL);
				default -> codePoints(random);
			};
			int encoding = random.intRange(0, 2);
			return new HostileName(name, encode(name, encoding));
		}

		private static String syntax(Random random) {
			StringBuilder name = new StringBuilder();
			for (int i = random.intRange(1, 12); i > 0; i--) {
				name.append(random.trueOrFalse() ? random.lowerCaseAlphabetic(2)
						: String.valueOf(SYNTAX.charAt(random.intRange(0, SYNTAX.length() - 1))));
			}
			return name.toString();
		}

		private static String codePoints(Random random) {
			StringBuilder name = new StringBuilder();
			for (int i = random.intRange(1, 40); i > 0; i--) {
				int codePoint = random.intRange(0, Character.MAX_CODE_POINT);
				if (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE) {
					name.appendCodePoint(codePoint);
				}
			}
			return name.toString();
		}

	}

	/**
	 * Percent-encode a name for a path segment.
	 * @param name the name
	 * @param encoding 0: all but unreserved characters; 1: every byte; 2: all but
	 * unreserved characters and sub-delimiters
	 * @return the segment
	 */
	static String encode(String name, int encoding) {
		StringBuilder segment = new StringBuilder();
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "-._~".indexOf(c) >= 0;
			boolean subDelimiter = "!$&'()*+,;=".indexOf(c) >= 0;
			if ((encoding == 0 && unreserved) || (encoding == 2 && (unreserved || subDelimiter))) {
				segment.append(c);
			}
			else {
				segment.append('%').append(String.format("%02X", b & 0xff));
			}
		}
		return segment.toString();
	}

	/**
	 * A generated name.
	 *
	 * @param name the name
	 * @param segment the path segment that sends it
	 */
	public record HostileName(String name, String segment) {

		@Override
		public String toString() {
			StringBuilder printable = new StringBuilder();
			this.name.codePoints()
				.forEach(
						(c) -> printable.append((Character.isISOControl(c) || c == 0x2028 || c == 0x202e || c == 0xfeff)
								? String.format("\\u%04x", c) : Character.toString(c)));
			return "'" + HostileUris.abbreviate(printable.toString()) + "' sent as "
					+ HostileUris.abbreviate(this.segment);
		}

	}

}
