package io.concordat.opportunities.app;

import io.concordat.events.ServiceArea;
import io.concordat.kit.directory.AuthorityDirectory;
import io.concordat.kit.directory.RegionMemberships;
import io.concordat.opportunities.domain.Vacancy;
import io.concordat.opportunities.store.VacancyStore;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who might share a post: for a vacancy, the councils of its regions recruiting to the same kind
 * of post (3) or already hosting the service (4); for an opportunity, also those taking part in
 * another opportunity of the service area (2). Councils are ranked by score, then by name.
 *
 * <p>One {@link Lookup} per request reads each region's members, each area's open vacancies and
 * hosts, and each name once: a council with many vacancies in a large region costs a handful of
 * queries, not a few per partner per vacancy. Call inside a transaction.
 */
@Singleton
public class VacancyMatching {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final VacancyStore store;
    private final AuthorityDirectory authorities;
    private final RegionMemberships memberships;

    public VacancyMatching(VacancyStore store, AuthorityDirectory authorities, RegionMemberships memberships) {
        this.store = store;
        this.authorities = authorities;
        this.memberships = memberships;
    }

    /** A council that might share, how strongly, why, and the regions it shares with the one asking. */
    public record Partner(UUID authorityId, String authorityName, int score, List<String> reasons,
                         List<String> sharedRegions) {
    }

    /** One of the council's open vacancies and its partners. */
    public record Match(Vacancy vacancy, List<Partner> partners) {
    }

    /** For each of the authority's vacancies recruiting today, soonest closing first, who might share it. */
    public List<Match> matches(UUID authority) {
        Lookup lookup = new Lookup(Vacancies.today());
        return store.openOf(authority, lookup.today).stream()
                .map(v -> new Match(v, partnersFor(v, lookup))).toList();
    }

    public List<Partner> partnersFor(Vacancy vacancy) {
        return partnersFor(vacancy, new Lookup(Vacancies.today()));
    }

    /**
     * Councils of the proposer's regions that could take part in an opportunity of the service area,
     * leaving out those already taking part.
     */
    public List<Partner> suggestedFor(UUID proposer, String serviceArea, Set<UUID> takingPart) {
        Lookup lookup = new Lookup(Vacancies.today());
        Map<UUID, Integer> scores = new LinkedHashMap<>();
        Map<UUID, List<String>> reasons = new LinkedHashMap<>();
        Set<UUID> neighbours = lookup.neighboursOf(proposer);
        addHosts(lookup, serviceArea, neighbours, takingPart, scores, reasons);
        for (Vacancy v : lookup.openIn(serviceArea)) {
            if (neighbours.contains(v.authorityId()) && !takingPart.contains(v.authorityId())) {
                add(scores, reasons, v.authorityId(), 3, recruiting(v));
            }
        }
        for (VacancyStore.Interest interest : store.interestIn(serviceArea)) {
            UUID other = interest.authorityId();
            if (neighbours.contains(other) && !takingPart.contains(other)) {
                add(scores, reasons, other, 2, "takes part in '" + interest.opportunityTitle() + "' in the same service area");
            }
        }
        return ranked(lookup, proposer, scores, reasons);
    }

    /** The authority's name as this service knows it, read once per request. */
    public String nameOf(UUID authority) {
        return authorities.nameOf(authority);
    }

    private List<Partner> partnersFor(Vacancy vacancy, Lookup lookup) {
        Map<UUID, Integer> scores = new LinkedHashMap<>();
        Map<UUID, List<String>> reasons = new LinkedHashMap<>();
        Set<UUID> neighbours = lookup.neighboursOf(vacancy.authorityId());
        addHosts(lookup, vacancy.serviceArea(), neighbours, Set.of(vacancy.authorityId()), scores, reasons);
        for (Vacancy other : lookup.openIn(vacancy.serviceArea())) {
            if (!other.authorityId().equals(vacancy.authorityId()) && neighbours.contains(other.authorityId())) {
                add(scores, reasons, other.authorityId(), 3, recruiting(other));
            }
        }
        return ranked(lookup, vacancy.authorityId(), scores, reasons);
    }

    private void addHosts(Lookup lookup, String serviceArea, Set<UUID> neighbours, Set<UUID> leaveOut,
                          Map<UUID, Integer> scores, Map<UUID, List<String>> reasons) {
        for (VacancyStore.Hosting hosting : lookup.hostsOf(serviceArea)) {
            if (neighbours.contains(hosting.authorityId()) && !leaveOut.contains(hosting.authorityId())) {
                add(scores, reasons, hosting.authorityId(), 4, "already hosts '" + hosting.title() + "'");
            }
        }
    }

    private static void add(Map<UUID, Integer> scores, Map<UUID, List<String>> reasons, UUID authority, int score,
                            String reason) {
        scores.merge(authority, score, Integer::sum);
        reasons.computeIfAbsent(authority, a -> new ArrayList<>()).add(reason);
    }

    private List<Partner> ranked(Lookup lookup, UUID from, Map<UUID, Integer> scores, Map<UUID, List<String>> reasons) {
        List<UUID> fromRegions = lookup.regionsOf(from);
        return scores.entrySet().stream().map(e -> {
            List<String> shared = lookup.regionsOf(e.getKey()).stream().filter(fromRegions::contains)
                    .map(lookup::regionName).sorted().toList();
            return new Partner(e.getKey(), lookup.authorityName(e.getKey()), e.getValue(), reasons.get(e.getKey()), shared);
        }).sorted(Comparator.comparingInt(Partner::score).reversed().thenComparing(Partner::authorityName)).toList();
    }

    private static String recruiting(Vacancy v) {
        String area = ServiceArea.byCode(v.serviceArea()).map(ServiceArea::title).orElse(v.serviceArea());
        return "is also recruiting: " + v.title() + " (" + area + "), closing " + DAY.format(v.closingDate());
    }

    /** What one request has read: each region, area and name at most once. */
    private final class Lookup {

        private final LocalDate today;
        private final Map<UUID, List<UUID>> regions = new HashMap<>();
        private final Map<UUID, Set<UUID>> members = new HashMap<>();
        private final Map<UUID, String> regionNames = new HashMap<>();
        private final Map<UUID, String> authorityNames = new HashMap<>();
        private final Map<String, List<Vacancy>> open = new HashMap<>();
        private final Map<String, List<VacancyStore.Hosting>> hosts = new HashMap<>();

        Lookup(LocalDate today) {
            this.today = today;
        }

        List<UUID> regionsOf(UUID authority) {
            return regions.computeIfAbsent(authority, memberships::regionsOf);
        }

        Set<UUID> neighboursOf(UUID authority) {
            Set<UUID> neighbours = new HashSet<>();
            regionsOf(authority).forEach(region -> neighbours.addAll(members.computeIfAbsent(region, memberships::membersOf)));
            neighbours.remove(authority);
            return neighbours;
        }

        String regionName(UUID region) {
            return regionNames.computeIfAbsent(region, memberships::nameOf);
        }

        String authorityName(UUID authority) {
            return authorityNames.computeIfAbsent(authority, authorities::nameOf);
        }

        List<Vacancy> openIn(String serviceArea) {
            return open.computeIfAbsent(serviceArea, area -> store.openOn(today, area));
        }

        List<VacancyStore.Hosting> hostsOf(String serviceArea) {
            return hosts.computeIfAbsent(serviceArea, store::hosting);
        }
    }
}
