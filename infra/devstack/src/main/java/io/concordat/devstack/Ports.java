package io.concordat.devstack;

/**
 * The fixed 127.0.0.1 ports of one stack. The defaults are the documented ones; a test stack
 * shifts them all so it can run beside a developer's.
 */
public record Ports(int gateway, int firstService, int keycloak, int postgres, int kafka, int kafkaController) {

    public static Ports defaults() {
        return new Ports(8080, 8081, 8180, 15432, 19092, 19093);
    }

    public Ports shiftedBy(int offset) {
        return new Ports(gateway + offset, firstService + offset, keycloak + offset, postgres + offset, kafka + offset,
                kafkaController + offset);
    }
}
