package dev.cleanup.tracking;

import java.net.URI;

/**
 * Makes the URI of an outbound call safe to show in the {@code cleanup} endpoint, the
 * shutdown report, log lines and timeout task descriptions. Meters never carry a URI.
 * <p>
 * Its promise, for every URI {@link URI java.net.URI} holds:
 * <ul>
 * <li><b>User-info is never shown</b>, in any form: {@code user:pass@}, {@code user@},
 * {@code :pass@}, percent-encoded or raw non-ASCII. Of an authority Java can only parse
 * as registry-based (a host name with {@code _}, raw non-ASCII or a port out of range),
 * everything up to its last {@code @} is dropped.</li>
 * <li><b>The fragment is never shown.</b></li>
 * <li><b>Every query value is masked</b> unless the caller asks to show query values: in
 * each {@code &}-separated pair, everything after the first {@code =} reads as
 * {@link #MASK}. Keys are kept, repeated and empty ones included, and so is a pair
 * without {@code =} (a key without a value). Shown, the query is the raw query as the URI
 * holds it.</li>
 * <li><b>Every path-parameter value is masked</b>, whether query values are shown or not:
 * in each path segment, what follows the first {@code ;} is a list of {@code ;}-separated
 * parameters ({@code ;jsessionid=...}, matrix parameters such as {@code ;a=b;c=d,e}), and
 * in each, everything after the first {@code =} reads as {@link #MASK}. Parameter names
 * and parameters without {@code =} are kept. An encoded {@code %3B} is data, not a
 * separator, as servlet containers treat it.</li>
 * <li>Of an opaque URI ({@code mailto:}, {@code urn:}), only the scheme is shown,
 * followed by {@link #MASK}.</li>
 * <li>Scheme, host, port and the path's segments and parameter names are shown as the URI
 * holds them, raw: neither decoded nor encoded. IPv6 hosts keep their brackets and zone.
 * Non-ASCII characters appear percent-encoded where the URI holds them encoded and as
 * themselves where it holds them raw; {@code java.net.URI} never holds a raw control or
 * space character, so none reaches a log line. A relative URI is shown relative, a
 * scheme-relative one ({@code //host/path}) keeps its {@code //}.</li>
 * <li><b>The result has at most {@link #MAX_LENGTH} characters.</b> A longer one is cut
 * and ends with {@link #CUT}; the cut never falls inside a mask (nor between a mask and
 * its {@code =}), a percent-escape, a surrogate pair, the scheme or the authority (if the
 * authority itself does not fit, nothing of it is shown).</li>
 * <li>Sanitizing is idempotent: the result parses as a URI, and sanitizing that URI again
 * gives the same result.</li>
 * </ul>
 * It costs one pass over the URI's raw components, and runs only when a call is shown,
 * never per call.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class UriSanitizer {

	/**
	 * What a masked query or path-parameter value reads as.
	 */
	public static final String MASK = "******";

	/**
	 * The most characters a sanitized URI has, {@link #CUT} included. The endpoint lists
	 * up to 200 calls and the shutdown report every cut call, each with its URI: the
	 * bound keeps one hostile URI from making a log line or a response arbitrarily long.
	 */
	public static final int MAX_LENGTH = 2000;

	/**
	 * What ends a sanitized URI that was cut to {@link #MAX_LENGTH}.
	 */
	public static final String CUT = "...";

	private UriSanitizer() {
	}

	/**
	 * Return the URI as a string without user-info and fragment, with every query and
	 * path-parameter value masked, cut to {@link #MAX_LENGTH}.
	 * @param uri the URI
	 * @return the safe string
	 */
	public static String sanitize(URI uri) {
		return sanitize(uri, false);
	}

	/**
	 * Return the URI as a string without user-info and fragment, with every
	 * path-parameter value masked, cut to {@link #MAX_LENGTH}.
	 * @param uri the URI
	 * @param showQueryValues whether query values are shown as they are rather than
	 * masked
	 * @return the safe string
	 */
	public static String sanitize(URI uri, boolean showQueryValues) {
		if (uri.isOpaque()) {
			String opaque = (uri.getScheme() != null) ? uri.getScheme() + ":" + MASK : MASK;
			return cut(opaque, 0, opaque.length());
		}
		StringBuilder text = new StringBuilder();
		if (uri.getScheme() != null) {
			text.append(uri.getScheme()).append(':');
		}
		int authorityStart;
		String authority = shownAuthority(uri);
		if (uri.getScheme() != null || !authority.isEmpty()) {
			text.append("//");
			authorityStart = text.length();
			text.append(authority);
		}
		else {
			authorityStart = text.length();
		}
		int authorityEnd = text.length();
		String path = uri.getRawPath();
		if (path != null) {
			appendPath(text, path);
		}
		String query = uri.getRawQuery();
		if (query != null) {
			text.append('?');
			if (showQueryValues) {
				text.append(query);
			}
			else {
				appendMaskedQuery(text, query);
			}
		}
		return cut(text, authorityStart, authorityEnd);
	}

	/**
	 * Return a text, such as a failure's message, with every occurrence of the URI as
	 * given ({@link URI#toString()} or {@link URI#toASCIIString()}) replaced by the
	 * sanitized URI. Other text is left as it is: only a quote of the whole URI is found.
	 * @param text the text
	 * @param uri the URI it may quote
	 * @return the text, safe as far as the URI is concerned
	 */
	public static String sanitizeQuotes(String text, URI uri) {
		String given = uri.toString();
		String ascii = uri.toASCIIString();
		if (given.isEmpty() || (!text.contains(given) && !text.contains(ascii))) {
			return text;
		}
		String sanitized = sanitize(uri);
		StringBuilder safe = new StringBuilder(text.length());
		int from = 0;
		while (from < text.length()) {
			int atGiven = text.indexOf(given, from);
			int atAscii = text.indexOf(ascii, from);
			if (atGiven < 0 && atAscii < 0) {
				break;
			}
			// the earlier quote, or the longer one where both start
			boolean isAscii = atGiven < 0
					|| (atAscii >= 0 && (atAscii < atGiven || (atAscii == atGiven && ascii.length() > given.length())));
			int at = isAscii ? atAscii : atGiven;
			safe.append(text, from, at).append(sanitized);
			from = at + (isAscii ? ascii : given).length();
		}
		return safe.append(text, from, text.length()).toString();
	}

	private static String shownAuthority(URI uri) {
		if (uri.getHost() != null) {
			return (uri.getPort() != -1) ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
		}
		String authority = uri.getRawAuthority();
		if (authority == null) {
			return "";
		}
		// A registry-based authority may still hold user-info: keep what follows the
		// last '@'
		return authority.substring(authority.lastIndexOf('@') + 1);
	}

	private static void appendPath(StringBuilder text, String path) {
		if (path.indexOf(';') < 0) {
			text.append(path);
			return;
		}
		int length = path.length();
		int segmentStart = 0;
		while (segmentStart <= length) {
			int segmentEnd = indexOf(path, '/', segmentStart, length);
			int parameters = indexOf(path, ';', segmentStart, segmentEnd);
			text.append(path, segmentStart, parameters);
			if (parameters < segmentEnd) {
				appendMaskedPairs(text, path, parameters + 1, segmentEnd, ';');
			}
			if (segmentEnd < length) {
				text.append('/');
			}
			segmentStart = segmentEnd + 1;
		}
	}

	private static void appendMaskedQuery(StringBuilder text, String query) {
		appendMaskedPairs(text, query, 0, query.length(), '&');
	}

	/**
	 * Append the {@code separator}-separated pairs between {@code start} and {@code end}
	 * with every value masked. A path parameter is preceded by its {@code ;}, a query
	 * pair by its {@code &} but the first.
	 */
	private static void appendMaskedPairs(StringBuilder text, String pairs, int start, int end, char separator) {
		int pairStart = start;
		while (pairStart <= end) {
			int pairEnd = indexOf(pairs, separator, pairStart, end);
			if (pairStart > start || separator == ';') {
				text.append(separator);
			}
			int equals = indexOf(pairs, '=', pairStart, pairEnd);
			text.append(pairs, pairStart, equals);
			if (equals < pairEnd) {
				text.append('=').append(MASK);
			}
			pairStart = pairEnd + 1;
		}
	}

	/**
	 * Return the index of {@code c} in {@code text} from {@code from}, or {@code end} if
	 * there is none before it: the scans stay within their segment or pair, so that a
	 * sanitization stays linear.
	 */
	private static int indexOf(String text, char c, int from, int end) {
		for (int i = from; i < end; i++) {
			if (text.charAt(i) == c) {
				return i;
			}
		}
		return end;
	}

	/**
	 * Cut a sanitized URI to {@link #MAX_LENGTH}, where it still reads as a sanitized
	 * URI.
	 */
	private static String cut(CharSequence text, int authorityStart, int authorityEnd) {
		if (text.length() <= MAX_LENGTH) {
			return text.toString();
		}
		int end = MAX_LENGTH - CUT.length();
		// Never part of a mask, nor a '=' without its mask (it would be masked again)
		int stars = end;
		while (stars > 0 && text.charAt(stars - 1) == '*') {
			stars--;
		}
		if (stars > 0 && text.charAt(stars - 1) == '=') {
			end = stars - 1;
		}
		// Never part of a percent-escape
		if (end >= 1 && text.charAt(end - 1) == '%') {
			end -= 1;
		}
		else if (end >= 2 && text.charAt(end - 2) == '%') {
			end -= 2;
		}
		// Never half of a surrogate pair
		if (end >= 1 && Character.isHighSurrogate(text.charAt(end - 1))) {
			end -= 1;
		}
		// Never part of the authority, nor of the scheme
		if (end < authorityEnd) {
			end = (end < authorityStart) ? 0 : authorityStart;
		}
		return text.subSequence(0, end) + CUT;
	}

}
