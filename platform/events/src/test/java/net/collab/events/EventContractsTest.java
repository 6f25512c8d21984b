package net.collab.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.collab.events.Vocabulary.MemberRole;
import net.collab.events.Vocabulary.OrganizationKind;
import net.collab.events.Vocabulary.OrganizationStatus;
import net.collab.events.Vocabulary.ResourceCategory;
import net.collab.events.Vocabulary.Urgency;
import net.collab.events.action.NeedPosted;
import net.collab.events.registry.OrganizationApproved;
import net.collab.events.registry.OrganizationSnapshot;

class EventContractsTest {

    @Test
    void everyEventTypeIsUniqueVersionedAndOnANamedTopic() {
        Set<String> types = new HashSet<>();
        for (Class<? extends DomainEvent> eventClass : EventCatalog.all()) {
            EventContract contract = EventCatalog.contractOf(eventClass);
            assertThat(eventClass.isRecord()).as(eventClass.getName()).isTrue();
            assertThat(contract.type()).matches("net\\.collab\\.[a-z-]+\\.[a-z-]+\\.v\\d+");
            assertThat(contract.topic()).matches("[a-z]+\\.[a-z]+\\.v\\d+");
            assertThat(types.add(contract.type())).as("duplicate type " + contract.type()).isTrue();
            assertThat(EventCatalog.byType(contract.type())).contains(eventClass);
        }
    }

    @Test
    void organizationApprovedHasTheDocumentedJsonShape() {
        UUID id = UUID.fromString("5f0d6a4e-1111-4c2b-9f7a-0d1e2f3a4b5c");
        var event = new OrganizationApproved(new OrganizationSnapshot(id, "北京市夕阳再晨社会工作服务中心", null,
                OrganizationKind.SOCIAL_ORGANIZATION, OrganizationStatus.APPROVED, List.of("110108010"),
                List.of(new OrganizationSnapshot.Member("sub-1", MemberRole.ORG_ADMIN))));

        String json = EventCodec.toJson(event);

        assertThat(json).isEqualTo("{\"organization\":{\"id\":\"5f0d6a4e-1111-4c2b-9f7a-0d1e2f3a4b5c\","
                + "\"nameZh\":\"北京市夕阳再晨社会工作服务中心\",\"kind\":\"SOCIAL_ORGANIZATION\",\"status\":\"APPROVED\","
                + "\"serviceAreas\":[\"110108010\"],\"members\":[{\"subject\":\"sub-1\",\"role\":\"ORG_ADMIN\"}]}}");
        assertThat(event.aggregateId()).isEqualTo(id.toString());
        assertThat(EventCodec.fromJson("net.collab.organization.approved.v1", json)).isEqualTo(event);
    }

    @Test
    void needPostedRoundTripsAndIgnoresFieldsAddedLaterInTheSameVersion() {
        var need = new NeedPosted(UUID.randomUUID(), UUID.randomUUID(), ResourceCategory.SERVICE, "送药",
                new BigDecimal("12"), "次", Urgency.HIGH, "370811012002", "孤寡老人",
                OffsetDateTime.parse("2026-11-25T18:00:00+08:00"), OffsetDateTime.parse("2026-11-21T09:30:00+08:00"));
        String json = EventCodec.toJson(need);
        String withNewOptionalField = json.substring(0, json.length() - 1) + ",\"addedLater\":true}";

        assertThat(EventCodec.fromJson("net.collab.need.posted.v1", withNewOptionalField)).isEqualTo(need);
        assertThat(json).contains("\"deadline\":\"2026-11-25T18:00:00+08:00\"");
    }

    @Test
    void unknownTypeAndMalformedDataAreRefusedWithAClearReason() {
        assertThatThrownBy(() -> EventCodec.fromJson("net.collab.nothing.v9", "{}"))
                .isInstanceOf(EventCodec.UnknownEventTypeException.class)
                .hasMessageContaining("net.collab.nothing.v9");
        assertThatThrownBy(() -> EventCodec.fromJson("net.collab.need.posted.v1", "{not json"))
                .isInstanceOf(EventCodec.MalformedEventException.class);
    }
}
