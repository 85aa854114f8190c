package io.concordat.opportunities;

import io.concordat.kit.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsTheDomainPlainAndDependsOnNoOtherService() {
        ArchitectureRules.verify("opportunities");
    }

    @Test
    void controllersCallUseCasesAndOnlyUseCasesPublish() {
        ArchitectureRules.verifyLayering("opportunities");
    }
}
