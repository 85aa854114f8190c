package io.concordat.kit.observability;

/** The keys every log line may carry in its {@code mdc}, one name each across every process. */
public final class LogContext {

    public static final String TRACE_ID = "trace_id";
    public static final String SPAN_ID = "span_id";
    public static final String REQUEST_ID = "request_id";
    public static final String AUTHORITY_ID = "authority_id";

    /** Response header naming the request's trace, so a caller can quote it when reporting a fault. */
    public static final String TRACE_ID_HEADER = "X-Trace-Id";
    /** Request and response header with the request's id; the gateway sets it and passes it on. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private LogContext() {
    }
}
