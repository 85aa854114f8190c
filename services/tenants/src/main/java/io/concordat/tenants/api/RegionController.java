package io.concordat.tenants.api;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.tenants.v1.RegionCreated;
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.tenants.domain.InvalidRegistrationException;
import io.concordat.tenants.domain.Region;
import io.concordat.tenants.store.AuthorityRepository;
import io.concordat.tenants.store.AuthorityRow;
import io.concordat.tenants.store.RegionMemberRepository;
import io.concordat.tenants.store.RegionMemberRow;
import io.concordat.tenants.store.RegionRepository;
import io.concordat.tenants.store.RegionRow;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.validation.Valid;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Regions: groupings of authorities that collaborate. Every signed-in user may read them. */
@Controller("/api/v1/tenants/regions")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class RegionController {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final RegionRepository regions;
    private final RegionMemberRepository members;
    private final AuthorityRepository authorities;
    private final EventPublisher events;

    public RegionController(RegionRepository regions, RegionMemberRepository members, AuthorityRepository authorities,
                            EventPublisher events) {
        this.regions = regions;
        this.members = members;
        this.authorities = authorities;
        this.events = events;
    }

    @Post
    @Secured(Roles.PLATFORM_ADMIN)
    @Transactional
    public HttpResponse<RegionView> create(Caller caller, @Valid @Body CreateRegionRequest request) {
        Region region;
        try {
            region = Region.create(request.name(), request.kind(), request.memberAuthorityIds(), caller.subject(),
                    Instant.now());
        } catch (InvalidRegistrationException e) {
            throw ProblemException.badRequest(e.rule(), e.getMessage());
        }
        List<UUID> unknown = region.memberIds().stream().filter(id -> !authorities.existsById(id)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.unprocessable("unknown-authority", "No registered authority " + unknown + ".");
        }
        if (regions.existsByName(region.name())) {
            throw ProblemException.conflict("duplicate-region", "A region named '" + region.name() + "' exists.");
        }
        regions.save(new RegionRow(region.id(), region.name(), region.kind().name(), region.createdAt(),
                region.createdBy()));
        LocalDate today = LocalDate.ofInstant(region.createdAt(), UK);
        region.memberIds().forEach(id -> members.save(new RegionMemberRow(new RegionMemberRow.Key(region.id(), id, today),
                null)));
        events.publish(EventTypes.REGION_CREATED, region.id().toString(), EventEnvelope.PLATFORM, List.of(region.id()),
                new RegionCreated(region.id(), region.name(), region.kind().name(), List.copyOf(region.memberIds()),
                        region.createdAt()));
        return HttpResponse.created(view(regions.findById(region.id()).orElseThrow()),
                URI.create("/api/v1/tenants/regions/" + region.id()));
    }

    @Get("/{id}")
    @Transactional(readOnly = true)
    public RegionView get(@PathVariable UUID id) {
        return regions.findById(id).map(this::view)
                .orElseThrow(() -> ProblemException.notFound("region-not-found", "No region " + id + "."));
    }

    @Get
    @Transactional(readOnly = true)
    public List<RegionView> list() {
        return regions.findAll(Pageable.from(0, 500, Sort.of(Sort.Order.asc("name")))).getContent().stream()
                .map(this::view).toList();
    }

    private RegionView view(RegionRow region) {
        List<RegionMemberRow> current = members.findByKeyRegionId(region.id()).stream()
                .filter(m -> m.leftOn() == null).toList();
        Map<UUID, String> names = authorities.findByIdIn(current.stream().map(m -> m.key().authorityId()).toList())
                .stream().collect(Collectors.toMap(AuthorityRow::id, AuthorityRow::name, (a, b) -> a));
        return new RegionView(region.id(), region.name(), region.kind(), region.createdAt(), current.stream()
                .map(m -> new RegionView.Member(m.key().authorityId(), names.get(m.key().authorityId()), m.key().joinedOn()))
                .sorted(java.util.Comparator.comparing(RegionView.Member::name))
                .toList());
    }

}
