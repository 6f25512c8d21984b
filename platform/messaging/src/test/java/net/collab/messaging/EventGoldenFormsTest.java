package net.collab.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import net.collab.events.DomainEvent;
import net.collab.events.EventCatalog;
import net.collab.events.EventCodec;
import net.collab.events.EventContract;
import net.collab.events.EventEnvelope;
import net.collab.events.Vocabulary.AreaLevel;
import net.collab.events.Vocabulary.MemberRole;
import net.collab.events.Vocabulary.OrganizationKind;
import net.collab.events.Vocabulary.OrganizationStatus;
import net.collab.events.Vocabulary.ResourceCategory;
import net.collab.events.Vocabulary.RiskLevel;
import net.collab.events.Vocabulary.Urgency;
import net.collab.events.action.NeedExpired;
import net.collab.events.action.NeedPaused;
import net.collab.events.action.NeedPosted;
import net.collab.events.action.NeedResumed;
import net.collab.events.action.OfferPaused;
import net.collab.events.action.OfferResumed;
import net.collab.events.action.NeedWithdrawn;
import net.collab.events.action.OfferPosted;
import net.collab.events.action.OfferWithdrawn;
import net.collab.events.matching.MatchAccepted;
import net.collab.events.matching.MatchCancelled;
import net.collab.events.matching.MatchConfirmed;
import net.collab.events.matching.MatchDeclined;
import net.collab.events.matching.MatchDelivered;
import net.collab.events.matching.MatchExpired;
import net.collab.events.matching.MatchProposed;
import net.collab.events.matching.NeedEscalated;
import net.collab.events.notification.NotificationDelivered;
import net.collab.events.notification.NotificationFailed;
import net.collab.events.registry.AreaDefined;
import net.collab.events.registry.MemberAdded;
import net.collab.events.registry.MemberRemoved;
import net.collab.events.registry.OrganizationApplied;
import net.collab.events.registry.OrganizationApproved;
import net.collab.events.registry.OrganizationReinstated;
import net.collab.events.registry.OrganizationRejected;
import net.collab.events.registry.OrganizationSnapshot;
import net.collab.events.registry.OrganizationSuspended;
import net.collab.events.registry.OrganizationUpdated;
import net.collab.events.registry.RiskLevelChanged;
import net.collab.events.Vocabulary.ActionStatus;
import net.collab.events.Vocabulary.AdvocacyAudience;
import net.collab.events.Vocabulary.LedgerEntryKind;
import net.collab.events.Vocabulary.ServiceDomain;
import net.collab.events.Vocabulary.TargetGroup;
import net.collab.events.action.ActionPublished;
import net.collab.events.action.ActionSnapshot;
import net.collab.events.action.ActionStatusChanged;
import net.collab.events.action.ActionUpdated;
import net.collab.events.action.AdvocacyPublished;
import net.collab.events.action.AdvocacyWithdrawn;
import net.collab.events.action.LedgerEntryRecorded;
import net.collab.events.action.OfferQuantityChanged;

/**
 * The contract of every event type, as it travels: its {@code ce_*} headers and its JSON body,
 * compared with a golden file in {@code src/test/resources/golden/<type>.json}. A change of shape
 * fails here, on purpose: within a version only optional fields may be added (then the golden
 * file is updated with the change, reviewed), anything else is a new version. Run with
 * with the environment variable {@code GOLDEN_WRITE=true} to write the file of a new type.
 */
class EventGoldenFormsTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private static final UUID ORGANIZATION = UUID.fromString("5f0d6a4e-1111-4c2b-9f7a-0d1e2f3a4b5c");
    private static final UUID HUB = UUID.fromString("7a1c2e3f-2222-4d5e-8f90-a1b2c3d4e5f6");
    private static final UUID NEED = UUID.fromString("0b9e8d7c-3333-4a5b-9c6d-7e8f9a0b1c2d");
    private static final UUID OFFER = UUID.fromString("1c2d3e4f-4444-4b6c-8d9e-0f1a2b3c4d5e");
    private static final UUID MATCH = UUID.fromString("2d3e4f5a-5555-4c7d-9e0f-1a2b3c4d5e6f");
    private static final UUID ACTION = UUID.fromString("3e4f5a6b-6666-4d8e-8f10-2b3c4d5e6f70");
    private static final UUID POST = UUID.fromString("4f5a6b7c-7777-4e9f-9a21-3c4d5e6f7a81");
    private static final UUID ENTRY = UUID.fromString("5a6b7c8d-8888-4fa0-8b32-4d5e6f7a8b92");
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-21T09:30:00+08:00");
    private static final OrganizationSnapshot GROUP = new OrganizationSnapshot(ORGANIZATION, "草桥口社区志愿服务队", "Caoqiaokou Volunteers",
            OrganizationKind.VOLUNTEER_TEAM, OrganizationStatus.APPROVED, List.of("370811012002"),
            List.of(new OrganizationSnapshot.Member("sub-admin", MemberRole.ORG_ADMIN),
                    new OrganizationSnapshot.Member("sub-member", MemberRole.ORG_MEMBER)),
            HUB, 3L);

    private static final ActionSnapshot ACTION_SNAPSHOT = new ActionSnapshot(ACTION, ORGANIZATION, "送药上门 Medicine to the door",
            "为独居残疾人送药 Medicine for disabled people living alone", List.of(ServiceDomain.DISABILITY_SUPPORT),
            List.of(TargetGroup.DISABLED), List.of("370811012002", "370811012"), java.time.LocalDate.parse("2026-11-21"),
            java.time.LocalDate.parse("2026-12-31"), ActionStatus.ONGOING, 20, "0537-1234567", AT, AT.plusHours(1), 2);

    /** One example of every type in the catalog; a type without an example fails {@link #everyTypeHasAnExample}. */
    static final Map<Class<? extends DomainEvent>, DomainEvent> EXAMPLES = Stream.of(
            new OrganizationApplied(GROUP), new OrganizationApproved(GROUP), new OrganizationRejected(GROUP, "材料不全 incomplete"),
            new OrganizationUpdated(GROUP), new OrganizationSuspended(GROUP, "违规 rules broken"), new OrganizationReinstated(GROUP),
            new MemberAdded(GROUP, new OrganizationSnapshot.Member("sub-member", MemberRole.ORG_MEMBER)),
            new MemberRemoved(GROUP, "sub-former"),
            new AreaDefined("370811012002", "草桥口社区", AreaLevel.COMMUNITY, "370811012", RiskLevel.MEDIUM),
            new RiskLevelChanged("370811012002", RiskLevel.HIGH, RiskLevel.MEDIUM, AT, "草桥口社区", AreaLevel.COMMUNITY, "370811012"),
            new NeedPosted(NEED, ORGANIZATION, ResourceCategory.SUPPLIES, "口罩", new BigDecimal("500"), "只", Urgency.HIGH,
                    "370811012002", "孤寡老人", AT.plusDays(2), AT, ACTION),
            new NeedWithdrawn(NEED, ORGANIZATION, "已解决 solved"),
            new NeedPaused(NEED, ORGANIZATION), new NeedResumed(NEED, ORGANIZATION), new NeedExpired(NEED, ORGANIZATION, AT),
            new OfferPaused(OFFER, HUB), new OfferResumed(OFFER, HUB),
            new OfferPosted(OFFER, HUB, ResourceCategory.SUPPLIES, "口罩", new BigDecimal("1000.50"), "只", "370811", AT.plusDays(7), AT, ACTION),
            new OfferQuantityChanged(OFFER, HUB, new BigDecimal("800"), new BigDecimal("1000.50"), AT),
            new ActionPublished(ACTION_SNAPSHOT), new ActionUpdated(ACTION_SNAPSHOT),
            new ActionStatusChanged(ACTION_SNAPSHOT, ActionStatus.PLANNED),
            new AdvocacyPublished(POST, ORGANIZATION, AdvocacyAudience.PUBLIC, "关爱独居老人 Care for elders living alone",
                    List.of(ServiceDomain.ELDERLY_CARE), List.of("370811012"), AT),
            new AdvocacyWithdrawn(POST, ORGANIZATION, "已过时 out of date"),
            new LedgerEntryRecorded(ENTRY, ORGANIZATION, 2, ACTION, NEED, LedgerEntryKind.MONEY_RECEIVED, new BigDecimal("5000.00"),
                    "CNY", null, "济宁某公司 a Jining company", false, "银行回单 bank slip 2026-117", "冬季送暖 winter warmth",
                    AT.minusHours(2), AT, null,
                    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                    "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"),
            new OfferWithdrawn(OFFER, HUB, "已用完 used up"),
            new MatchProposed(MATCH, NEED, OFFER, ORGANIZATION, HUB, ResourceCategory.SUPPLIES, "口罩", new BigDecimal("500"), "只",
                    "370811012002", "同一区域 same area", new BigDecimal("7.250")),
            new MatchAccepted(MATCH, NEED, OFFER, ORGANIZATION, HUB, new BigDecimal("500"), "只", AT.plusHours(1)),
            new MatchDeclined(MATCH, NEED, OFFER, ORGANIZATION, HUB, new BigDecimal("500"), "只", "库存不足 out of stock",
                    AT.plusHours(1)),
            new MatchDelivered(MATCH, UUID.fromString("6b7c8d9e-9999-4ab1-9c43-5e6f7a8b9ca3"), NEED, OFFER, ORGANIZATION, HUB,
                    new BigDecimal("200"), new BigDecimal("500"), new BigDecimal("500"), "只", AT.plusHours(5)),
            new MatchConfirmed(MATCH, NEED, OFFER, ORGANIZATION, HUB, new BigDecimal("500"), "只", AT.plusHours(6)),
            new MatchCancelled(MATCH, NEED, OFFER, ORGANIZATION, HUB, new BigDecimal("500"), "只", "需求已撤回 the need was withdrawn",
                    AT.plusHours(2)),
            new MatchExpired(MATCH, NEED, OFFER, ORGANIZATION, HUB, new BigDecimal("500"), "只", AT.plusDays(2)),
            new NeedEscalated(NEED, ORGANIZATION, ResourceCategory.SUPPLIES, "口罩", new BigDecimal("200"), "只", "370811012002", AT,
                    AT.plusDays(1)),
            new NotificationDelivered(UUID.fromString("7c8d9e0f-aaaa-4bc2-8d54-6f7a8b9cadb4"),
                    UUID.fromString("8d9e0f1a-bbbb-4cd3-9e65-7a8b9cadbec5"), "MATCH_PROPOSED", "EMAIL", "xiyang-admin", 1, AT.plusMinutes(1)),
            new NotificationFailed(UUID.fromString("7c8d9e0f-aaaa-4bc2-8d54-6f7a8b9cadb4"),
                    UUID.fromString("8d9e0f1a-bbbb-4cd3-9e65-7a8b9cadbec5"), "MATCH_PROPOSED", "WEBHOOK", "9e0f1a2b-cccc-4de4-8f76-8b9cadbecfd6",
                    8, "HTTP 503 from the receiver", AT.plusHours(2)))
            .collect(Collectors.toMap(DomainEvent::getClass, event -> event, (a, b) -> a, LinkedHashMap::new));

    static Stream<Class<? extends DomainEvent>> types() {
        return EventCatalog.all().stream();
    }

    @Test
    void everyTypeHasAnExample() {
        assertThat(EXAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(EventCatalog.all());
    }

    @ParameterizedTest
    @MethodSource("types")
    void travelsInItsGoldenForm(Class<? extends DomainEvent> type) throws IOException {
        DomainEvent event = EXAMPLES.get(type);
        assertThat(event).as("example of " + type.getSimpleName()).isNotNull();
        EventContract contract = EventCatalog.contractOf(type);
        EventEnvelope envelope = new EventEnvelope(UUID.nameUUIDFromBytes(contract.type().getBytes(StandardCharsets.UTF_8)),
                "example-service", contract.type(), event.aggregateId(), AT);
        RecordHeaders headers = new RecordHeaders();
        KafkaCloudEvents.write(envelope, headers);
        Map<String, String> headerValues = new TreeMap<>();
        headers.forEach(header -> headerValues.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)));
        String body = EventCodec.toJson(event);

        Map<String, Object> form = new LinkedHashMap<>();
        form.put("topic", contract.topic());
        form.put("headers", headerValues);
        form.put("data", JSON.readTree(body));
        String actual = JSON.writeValueAsString(form) + "\n";

        Path file = GOLDEN.resolve(contract.type() + ".json");
        if ("true".equals(System.getenv("GOLDEN_WRITE")) && !Files.exists(file)) {
            Files.writeString(file, actual);
        }
        assertThat(file).as("golden form of " + contract.type() + " (run once with GOLDEN_WRITE=true for a new type)").exists();
        assertThat(actual).isEqualTo(Files.readString(file));
        // ...and what the golden file holds reads back as the same event, with the same envelope.
        JsonNode golden = JSON.readTree(file.toFile());
        assertThat(EventCodec.fromJson(contract.type(), golden.get("data").toString())).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(event);
        assertThat(KafkaCloudEvents.read(headers)).isEqualTo(envelope);
    }

    @Test
    void everyTopicHasASealedFamilyThatHoldsExactlyItsTypes() {
        Map<String, List<Class<? extends DomainEvent>>> byTopic = EventCatalog.all().stream()
                .collect(Collectors.groupingBy(type -> EventCatalog.contractOf(type).topic()));
        byTopic.forEach((topic, types) -> {
            Class<? extends DomainEvent> family = EventCatalog.eventsOf(topic);
            assertThat(family.isSealed()).as(family.getSimpleName() + " is sealed").isTrue();
            assertThat(Arrays.asList(family.getPermittedSubclasses())).as("types of " + topic)
                    .containsExactlyInAnyOrderElementsOf(types);
        });
    }
}
