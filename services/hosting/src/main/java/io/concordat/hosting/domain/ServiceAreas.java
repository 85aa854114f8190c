package io.concordat.hosting.domain;

import io.concordat.events.ServiceArea;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A hosted service is in one of the shared service areas, the same vocabulary opportunities and reporting use. */
public final class ServiceAreas {

    private ServiceAreas() {
    }

    /**
     * @throws HostingRuleException when the code is not a service area's, naming the field and the codes allowed
     */
    public static ServiceArea require(String code) {
        String wanted = code == null ? "" : code.strip();
        return ServiceArea.byCode(wanted).orElseThrow(() -> {
            List<String> allowed = Arrays.stream(ServiceArea.values()).map(ServiceArea::code).toList();
            return new HostingRuleException(HostingRuleException.Refusal.INVALID, "unknown-service-area",
                    "serviceArea '" + code + "' is not a service area code; use one of " + String.join(", ", allowed) + ".",
                    Map.of("field", "serviceArea", "allowed", allowed));
        });
    }
}
