package io.concordat.kit.paging;

import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.problem.ProblemResponses;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.uri.UriBuilder;

import java.util.List;
import java.util.Map;

/**
 * Pages every list an API answers with a JSON array, so that no list grows without bound and a new
 * list endpoint is paged without doing anything: {@code ?page=} (from 0) and {@code ?size=} (1 to
 * {@value #MAX_SIZE}, {@value #DEFAULT_SIZE} by default) choose the slice of the list, in the order
 * the endpoint gives it (each orders its list by a stable key). The body stays an array, as before;
 * {@code X-Total-Count} gives the whole list's length and a {@code Link} header the {@code next} and
 * {@code prev} pages (RFC 8288). Lists answered as a page envelope ({@code content}, {@code totalSize})
 * page themselves with the same parameters.
 */
// The API services, which own a database; the gateway has rules of its own at the front door.
@Requires(property = "datasources.default.url")
@ServerFilter("/api/**")
public class ListPaging implements Ordered {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 500;
    public static final String TOTAL_COUNT = "X-Total-Count";

    @Override
    public int getOrder() {
        return ServerFilterPhase.RENDERING.order();
    }

    /** Refuses a page or size that is not a number in range before the endpoint does any work. */
    @RequestFilter
    @Nullable
    public HttpResponse<?> checkParameters(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET) {
            return null;
        }
        try {
            page(request);
            size(request);
            return null;
        } catch (ProblemException e) {
            return ProblemResponses.response(e.problem());
        }
    }

    @ResponseFilter
    public void page(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getMethod() != HttpMethod.GET || response.getStatus().getCode() >= 300) {
            return;
        }
        Object body = response.getBody().orElse(null);
        if (!(body instanceof List<?> all)) {
            return;
        }
        int page = page(request);
        int size = size(request);
        long from = Math.min((long) page * size, all.size());
        int to = (int) Math.min(from + size, all.size());
        @SuppressWarnings("unchecked")
        MutableHttpResponse<Object> paged = (MutableHttpResponse<Object>) response;
        paged.body(List.copyOf(all.subList((int) from, to)));
        paged.header(TOTAL_COUNT, String.valueOf(all.size()));
        StringBuilder links = new StringBuilder();
        if (to < all.size()) {
            links.append(link(request, page + 1, size, "next"));
        }
        if (page > 0) {
            links.append(links.isEmpty() ? "" : ", ").append(link(request, Math.min(page - 1, lastPage(all.size(), size)),
                    size, "prev"));
        }
        if (!links.isEmpty()) {
            paged.header(HttpHeaders.LINK, links.toString());
        }
    }

    private static int lastPage(int total, int size) {
        return total == 0 ? 0 : (total - 1) / size;
    }

    private static String link(HttpRequest<?> request, int page, int size, String rel) {
        String uri = UriBuilder.of(request.getUri()).replaceQueryParam("page", page).replaceQueryParam("size", size)
                .build().toString();
        return "<" + uri + ">; rel=\"" + rel + "\"";
    }

    private static int page(HttpRequest<?> request) {
        return number(request, "page", 0, 0, Integer.MAX_VALUE / MAX_SIZE);
    }

    private static int size(HttpRequest<?> request) {
        return number(request, "size", DEFAULT_SIZE, 1, MAX_SIZE);
    }

    private static int number(HttpRequest<?> request, String name, int otherwise, int min, int max) {
        String value = request.getParameters().get(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw new ProblemException(io.micronaut.http.HttpStatus.BAD_REQUEST, "invalid-" + name, "The request is not valid",
                name + " must be a whole number from " + min + " to " + max + ".", Map.of("field", name));
    }
}
