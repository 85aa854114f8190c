package io.concordat.partnerevents.domain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * Which addresses a webhook may reach. By default only public ones: never loopback, private,
 * link-local (which includes the cloud metadata address 169.254.169.254), unique-local IPv6,
 * carrier-grade NAT, multicast or unspecified addresses. A development stack may allow loopback.
 */
public record AddressPolicy(boolean loopbackAllowed, boolean privateAllowed) {

    public static final AddressPolicy PUBLIC_ONLY = new AddressPolicy(false, false);

    /** Refuses the host unless every address it resolves to may be reached. */
    public void check(String host, List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            throw PartnerRuleException.invalid("webhook-host-unresolvable", "The webhook host " + host + " has no address.");
        }
        for (InetAddress address : addresses) {
            String refusal = refusal(address);
            if (refusal != null) {
                throw PartnerRuleException.invalid("webhook-address-not-allowed",
                        "The webhook host " + host + " resolves to " + address.getHostAddress() + ", " + refusal
                                + "; webhooks may only reach public addresses.");
            }
        }
    }

    private String refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return loopbackAllowed ? null : "a loopback address";
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return "not a unicast address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local or metadata address";
        }
        if (privateAllowed) {
            return null;
        }
        byte[] b = address.getAddress();
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "a unique-local address";
            }
            return null;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 100 && second >= 64 && second < 128) {
            return "a carrier-grade NAT address";
        }
        if (first == 0 || first >= 240 || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
                || (first == 198 && (second == 18 || second == 19))) {
            return "a reserved address";
        }
        return null;
    }
}
