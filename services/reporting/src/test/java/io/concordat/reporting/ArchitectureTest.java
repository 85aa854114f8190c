package io.concordat.reporting;

import io.concordat.kit.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsTheDomainPlainAndDependsOnNoOtherService() {
        ArchitectureRules.verify("reporting");
    }

    @Test
    void controllersCallUseCasesAndOnlyUseCasesPublish() {
        ArchitectureRules.verifyLayering("reporting");
    }
}
