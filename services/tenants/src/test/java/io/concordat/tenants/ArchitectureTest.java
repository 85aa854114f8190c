package io.concordat.tenants;

import io.concordat.kit.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsTheDomainPlainAndDependsOnNoOtherService() {
        ArchitectureRules.verify("tenants");
    }

    @Test
    void controllersCallUseCasesAndOnlyUseCasesPublish() {
        ArchitectureRules.verifyLayering("tenants");
    }
}
