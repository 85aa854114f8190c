package io.concordat.devstack;

/**
 * The fixed 127.0.0.1 ports of one stack. The defaults are the documented ones; a test stack
 * shifts them all so it can run beside a developer's. Every port stays below 32768, where Linux
 * hands out ephemeral ports: a server on an ephemeral port can find it taken by any client's
 * outgoing connection (the end-to-end suite's PostgreSQL did, on 35432).
 */
public record Ports(int gateway, int firstService, int keycloak, int postgres, int kafka, int kafkaController) {

    public static Ports defaults() {
        return new Ports(8080, 8081, 8180, 15432, 19092, 19093);
    }

    /** Where the gateway answers its health and metrics: never on its public port. */
    public int gatewayManagement() {
        return gateway + 10;
    }

    public Ports shiftedBy(int offset) {
        return new Ports(gateway + offset, firstService + offset, keycloak + offset, postgres + offset, kafka + offset,
                kafkaController + offset);
    }
}
