package io.concordat.servers;

/** A Keycloak that answers on 127.0.0.1, however it was started: from its distribution or a container. */
public interface RunningKeycloak extends AutoCloseable {

    /** Its base URL, e.g. {@code http://127.0.0.1:8180}. */
    String url();

    @Override
    void close();
}
