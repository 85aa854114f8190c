package io.concordat.tenants;

import io.concordat.kit.testing.ApiDocumentCoverage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ApiDocumentTest {

    @Test
    void everyRouteIsInThePublishedApiDocument() {
        assertEquals(List.of(), ApiDocumentCoverage.differences());
    }

    @Test
    void everyOperationIsDocumentedWithTheStatusItAnswers() {
        assertEquals(List.of(), ApiDocumentCoverage.statusDifferences());
    }
}
