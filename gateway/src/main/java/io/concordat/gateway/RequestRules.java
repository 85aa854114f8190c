package io.concordat.gateway;

import io.concordat.kit.input.RequestTargetRules;
import io.concordat.kit.problem.ProblemException;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the gateway refuses before reading a request's body: a target it cannot read unambiguously
 * (checked as the request line arrives, {@link MalformedTargetRefusal}), a body larger than any
 * service takes, a body in an encoding the server does not inflate, and a browser request from an
 * origin that is neither the platform's own nor one configured as allowed.
 */
final class RequestRules {

    /** Why a request is refused. */
    record Refusal(int status, String slug, String title, String detail) {
    }

    private static final Set<String> IDENTITY = Set.of("identity", "");

    private final long maxBodyBytes;
    private final Set<String> allowedOrigins;

    RequestRules(long maxBodyBytes, List<String> allowedOrigins) {
        this.maxBodyBytes = maxBodyBytes;
        this.allowedOrigins = Set.copyOf(allowedOrigins.stream().map(RequestRules::normalOrigin).toList());
    }

    Optional<Refusal> check(Optional<String> contentLength, Optional<String> contentEncoding, Optional<String> origin,
                            Optional<String> host) {
        if (contentLength.isPresent()) {
            long length = parseLength(contentLength.get());
            if (length < 0) {
                return Optional.of(new Refusal(400, "malformed-content-length", "Malformed Content-Length",
                        "Content-Length must be a whole number of bytes."));
            }
            if (length > maxBodyBytes) {
                return Optional.of(tooLarge());
            }
        }
        if (contentEncoding.isPresent() && !IDENTITY.contains(contentEncoding.get().trim().toLowerCase(Locale.ROOT))) {
            return Optional.of(new Refusal(415, "unsupported-content-encoding", "Unsupported content encoding",
                    "Send request bodies unencoded (Content-Encoding: identity); '" + printable(contentEncoding.get())
                            + "' is not accepted."));
        }
        if (origin.isPresent() && !sameOrigin(origin.get(), host) && !allowedOrigins.contains(normalOrigin(origin.get()))) {
            return Optional.of(new Refusal(403, "origin-not-allowed", "Origin not allowed",
                    "Requests from pages at '" + printable(origin.get()) + "' are not accepted; the platform's own pages "
                            + "and the origins configured for it are."));
        }
        return Optional.empty();
    }

    Refusal tooLarge() {
        return new Refusal(413, "request-too-large", "Request too large",
                "A request body is at most " + maxBodyBytes + " bytes.");
    }

    /**
     * A target is readable when every percent escape is complete, the bytes they make are UTF-8,
     * the path has no control characters, no empty and no dot segments, and it parses as a URI.
     */
    static Optional<String> problemWithTarget(String target) {
        if (target.isEmpty() || target.charAt(0) != '/') {
            return Optional.of("The address must be a path starting with '/'.");
        }
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        Optional<String> decodedPath = decode(path, false);
        if (decodedPath.isEmpty()) {
            return Optional.of("The path has an incomplete percent escape or bytes that are not UTF-8.");
        }
        if (query >= 0 && decode(target.substring(query + 1), true).isEmpty()) {
            return Optional.of("The query has an incomplete percent escape or bytes that are not UTF-8.");
        }
        String p = decodedPath.get();
        if (p.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of("The path contains control characters.");
        }
        if (p.length() > 1 && (p.contains("//") || p.contains("/./") || p.contains("/../") || p.endsWith("/.")
                || p.endsWith("/.."))) {
            return Optional.of("The path has an empty or dot segment.");
        }
        try {
            new URI(target);
        } catch (java.net.URISyntaxException e) {
            return Optional.of("The address is not a valid URI reference.");
        }
        return Optional.empty();
    }

    /** The kit's strict decoding, for a target that is still raw ASCII as HTTP requires. */
    private static Optional<String> decode(String raw, boolean plusIsSpace) {
        if (raw.chars().anyMatch(c -> c > 0x7f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(RequestTargetRules.decode("target", raw, plusIsSpace));
        } catch (ProblemException refused) {
            return Optional.empty();
        }
    }

    private static long parseLength(String value) {
        try {
            long length = Long.parseLong(value.trim());
            return length < 0 ? -1 : length;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The platform's own pages send an Origin whose host and port are the ones the request was sent to. */
    private static boolean sameOrigin(String origin, Optional<String> host) {
        if (host.isEmpty()) {
            return false;
        }
        try {
            URI o = new URI(origin.trim());
            if (o.getHost() == null) {
                return false;
            }
            String authority = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
            String h = host.get().trim().toLowerCase(Locale.ROOT);
            String defaultPort = "https".equalsIgnoreCase(o.getScheme()) ? ":443" : ":80";
            return authority.equalsIgnoreCase(h) || (authority + defaultPort).equalsIgnoreCase(h);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String normalOrigin(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }

    private static String printable(String value) {
        String cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
