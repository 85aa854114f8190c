package io.concordat.hosting;

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

/** A region the tenants service closed is no longer offered for sharing arrangements; what was shared stays. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClosedRegionsIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("hosting");
    }

    @Test
    void anArrangementIsNotSharedWithAClosedRegionAndWhatWasSharedStays() {
        UUID host = UUID.randomUUID();
        UUID recipient = UUID.randomUUID();
        UUID closing = UUID.randomUUID();
        TestDirectory.registerAuthorities("hosting", List.of(host, recipient));
        TestDirectory.createRegion("hosting", closing, "Dissolved " + closing, List.of(host, recipient));
        ApiCalls api = new ApiCalls(http);
        String officer = TestTokens.get().forAuthority(host, Roles.AUTHORITY_OFFICER);
        String body = """
                {"title":"%s","serviceArea":"support.payroll","basis":"PERMANENT","startsOn":"2020-04-01",
                 "costAllocation":"EQUAL_SHARES","regionIds":["%s"],
                 "recipients":[{"authorityId":"%s","joinedOn":"2020-04-01"}]}""";
        String earlier = (String) api.send(HttpMethod.POST, "/api/v1/hosting/arrangements", officer,
                body.formatted("Shared before", closing, recipient)).get("id");

        TestDirectory.closeRegion("hosting", closing, "The partnership was dissolved");

        long before = Superuser.count("hosting", "select count(*) from arrangement");
        assertEquals(HttpStatus.CONFLICT, api.status(HttpMethod.POST, "/api/v1/hosting/arrangements", officer,
                body.formatted("Shared after", closing, recipient)));
        assertEquals(before, Superuser.count("hosting", "select count(*) from arrangement"));
        assertEquals(HttpStatus.OK, api.status(HttpMethod.GET, "/api/v1/hosting/arrangements/" + earlier, officer, null),
                "what was shared stays");
    }
}
