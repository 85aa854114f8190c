package io.concordat.opportunities.api;

import io.concordat.kit.directory.AuthorityDirectory;
import io.concordat.opportunities.domain.Opportunity;
import io.concordat.opportunities.store.CollaborationStore;
import io.concordat.opportunities.store.OpportunityRow;
import io.concordat.opportunities.store.OpportunityStore;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Shapes opportunities into the API's views, the detail from the aggregate; runs in the reader's transaction, so it shows what they may see. */
@Singleton
public class OpportunityViews {

    private final OpportunityStore sharing;
    private final CollaborationStore collaboration;
    private final AuthorityDirectory authorities;

    public OpportunityViews(OpportunityStore sharing, CollaborationStore collaboration,
                            AuthorityDirectory authorities) {
        this.sharing = sharing;
        this.collaboration = collaboration;
        this.authorities = authorities;
    }

    OpportunityDetailView detail(Opportunity o) {
        List<OpportunityDetailView.ParticipantView> participants = o.participants().stream()
                .map(p -> new OpportunityDetailView.ParticipantView(p.authorityId(), authorities.nameOf(p.authorityId()),
                        p.role().name(), p.status().name(), p.accepted())).toList();
        List<OpportunityDetailView.StageChangeView> history = collaboration.stageHistory(o.id()).stream()
                .map(c -> new OpportunityDetailView.StageChangeView(c.from(), c.to(), c.by(), c.at(), c.note())).toList();
        OpportunityDetailView.RecommendationView recommendation = collaboration.recommendation(o.id())
                .map(r -> new OpportunityDetailView.RecommendationView(r.regionId(), r.recommendation().recommended(),
                        r.recommendation().rule().name(), r.recommendation().inFavour(), r.recommendation().against(),
                        r.recommendation().reason(), r.recordedAt())).orElse(null);
        Map<UUID, String> decisions = new LinkedHashMap<>();
        o.decisions().forEach((authority, outcome) -> decisions.put(authority, outcome.name()));
        return new OpportunityDetailView(OpportunityView.of(o), o.allowedStages().stream().map(Enum::name).toList(),
                participants, history, collaboration.latestBusinessCaseVersion(o.id()).orElse(null),
                o.boardRegionId(), recommendation, decisions, o.approved());
    }

    /** Views of the rows with the regions each is shared with, as far as the reader may see them. */
    List<OpportunityView> views(List<OpportunityRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<UUID>> regions = sharing.regionsOf(rows.stream().map(OpportunityRow::id).toList());
        return rows.stream().map(row -> OpportunityView.of(row, regions.getOrDefault(row.id(), List.of()))).toList();
    }
}
