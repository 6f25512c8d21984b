package net.collab.events.action;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import net.collab.events.Vocabulary.ActionStatus;
import net.collab.events.Vocabulary.ServiceDomain;
import net.collab.events.Vocabulary.TargetGroup;

/**
 * The public state of an action (行动信息, "who does what, where, for whom") after a change. Every
 * event on {@code action.actions.v1} carries the whole of it, so that the last event per action is
 * its state; {@code version} grows with every change.
 */
public record ActionSnapshot(
        UUID id,
        UUID organizationId,
        String title,
        String description,
        List<ServiceDomain> domains,
        List<TargetGroup> targetGroups,
        List<String> areaCodes,
        LocalDate startsOn,
        LocalDate endsOn,
        ActionStatus status,
        Integer volunteersSought,
        String contact,
        OffsetDateTime publishedAt,
        OffsetDateTime updatedAt,
        long version) {

    public ActionSnapshot {
        domains = domains == null ? List.of() : List.copyOf(domains);
        targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
        areaCodes = areaCodes == null ? List.of() : List.copyOf(areaCodes);
    }
}
