package io.concordat.tenants.api;

import io.concordat.kit.problem.ProblemException;
import io.concordat.tenants.domain.AuthorityKind;
import io.concordat.tenants.domain.BoardRule;
import io.concordat.tenants.domain.RegionKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The named choices of tenants requests, read with the kit's Choices: names forgiven their case and separators. */
class RequestChoicesTest {

    @Test
    void refusesAnUnknownKindNamingTheKnownOnes() {
        ProblemException e = assertThrows(ProblemException.class, () -> AuthorityController.kind("PARISH"));
        assertEquals(ProblemException.type("unknown-authority-kind"), e.problem().type());
        assertEquals(true, e.getMessage().contains("DISTRICT"));
    }

    @Test
    void anNhsTrustIsAnOtherPublicBodyHoweverItIsWritten() {
        assertEquals(AuthorityKind.OTHER_PUBLIC_BODY, AuthorityController.kind("other public body"));
    }

    @Test
    void refusesAnUnknownBoardRuleAndReadsOneWrittenInWords() {
        assertEquals("urn:concordat:problem:unknown-board-rule", assertThrows(ProblemException.class,
                () -> RegionController.boardRule("UNANIMOUS_MINUS_ONE")).problem().type().toString());
        assertEquals(BoardRule.CONSENSUS_ELSE_MINIMUM_FROM_EACH, RegionController.boardRule("consensus else minimum from each"));
    }

    @Test
    void refusesAnUnknownRegionKind() {
        assertEquals(ProblemException.type("unknown-region-kind"), assertThrows(ProblemException.class,
                () -> RegionController.kind("PARISH")).problem().type());
        assertEquals(RegionKind.COUNTY_AREA, RegionController.kind("county-area"));
    }
}
