package io.concordat.opportunities;

import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestDirectory;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A region the tenants service closed is no longer offered for sharing; what was shared with it stays. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClosedRegionsIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("opportunities");
    }

    @Test
    void nothingNewIsSharedWithAClosedRegionAndWhatWasSharedStays() {
        UUID council = UUID.randomUUID();
        UUID closing = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        TestDirectory.registerAuthorities("opportunities", List.of(council));
        TestDirectory.createRegion("opportunities", closing, "Dissolved " + closing, List.of(council));
        TestDirectory.createRegion("opportunities", open, "Still working " + open, List.of(council));
        ApiCalls api = new ApiCalls(http);
        String officer = TestTokens.get().forAuthority(council, Roles.AUTHORITY_OFFICER);
        String earlier = (String) api.send(HttpMethod.POST, "/api/v1/opportunities", officer,
                "{\"title\":\"Shared before\",\"serviceArea\":\"support.hr\",\"regionIds\":[\"" + closing + "\"]}").get("id");

        TestDirectory.closeRegion("opportunities", closing, "The partnership was dissolved");

        long before = Superuser.count("opportunities", "select count(*) from opportunity");
        assertEquals(HttpStatus.CONFLICT, api.status(HttpMethod.POST, "/api/v1/opportunities", officer,
                "{\"title\":\"Shared after\",\"serviceArea\":\"support.hr\",\"regionIds\":[\"" + closing + "\"]}"));
        assertEquals(before, Superuser.count("opportunities", "select count(*) from opportunity"));
        assertEquals(1, Superuser.count("opportunities", "select count(*) from opportunity_region where opportunity_id = '"
                + earlier + "' and region_id = '" + closing + "'"), "what was shared stays, as history");
    }
}
