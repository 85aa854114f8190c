package io.concordat.devstack;

import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps cookies as a browser on 127.0.0.1 does: by path, and sent over plain http even when
 * marked Secure (browsers treat 127.0.0.1 as a secure context; java.net's CookieManager does not).
 */
final class BrowserCookies extends CookieHandler {

    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        List<String> sent = new ArrayList<>();
        cookies.forEach((key, value) -> {
            String[] pathAndName = key.split(" ", 2);
            if (path.startsWith(pathAndName[0])) {
                sent.add(pathAndName[1] + "=" + value);
            }
        });
        return sent.isEmpty() ? Map.of() : Map.of("Cookie", List.of(String.join("; ", sent)));
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) {
        responseHeaders.forEach((header, values) -> {
            if (header == null || !header.equalsIgnoreCase("Set-Cookie")) {
                return;
            }
            for (String value : values) {
                for (HttpCookie cookie : HttpCookie.parse(value)) {
                    String path = cookie.getPath() == null ? "/" : cookie.getPath();
                    String key = path + " " + cookie.getName();
                    if (cookie.hasExpired() || cookie.getValue().isEmpty()) {
                        cookies.remove(key);
                    } else {
                        cookies.put(key, cookie.getValue());
                    }
                }
            }
        });
    }
}
