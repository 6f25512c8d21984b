package net.collab.console.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.collab.console.domain.FlowMonitor.Stage;

class FlowMonitorTest {

    private static final Instant T0 = Instant.parse("2026-12-06T02:00:00Z");
    private final FlowMonitor monitor = new FlowMonitor(3, 60);
    private final UUID requester = UUID.randomUUID();
    private final UUID provider = UUID.randomUUID();

    @Test
    void aNeedsTimelineFollowsItsStagesInTimeOrderAndIgnoresRedeliveries() {
        UUID need = UUID.randomUUID();
        UUID match = UUID.randomUUID();
        monitor.needPosted(need, requester, "药品", "20", "箱", "370811012002", T0);
        monitor.step(need, match, Stage.ACCEPTED, T0.plusSeconds(60), provider, "20", null); // arrives before the proposal
        monitor.step(need, match, Stage.PROPOSED, T0.plusSeconds(2), provider, "20", "same item");
        monitor.step(need, match, Stage.PROPOSED, T0.plusSeconds(2), provider, "20", "same item"); // redelivered
        monitor.step(need, match, Stage.DELIVERED, T0.plusSeconds(600), provider, "20", null);
        monitor.step(need, match, Stage.CONFIRMED, T0.plusSeconds(900), requester, "20", null);

        assertThat(monitor.need(need).steps()).extracting(FlowMonitor.Step::stage)
                .containsExactly(Stage.POSTED, Stage.PROPOSED, Stage.ACCEPTED, Stage.DELIVERED, Stage.CONFIRMED);
        assertThat(monitor.need(need).stage()).isEqualTo("CONFIRMED");
        assertThat(monitor.stageTimes()).filteredOn(time -> time.from() == Stage.POSTED && time.to() == Stage.CONFIRMED)
                .singleElement().satisfies(time -> {
                    assertThat(time.needs()).isEqualTo(1);
                    assertThat(time.medianSeconds()).isEqualTo(900);
                });
    }

    @Test
    void aNeedIsStuckWhenNothingWasProposedInTimeOrWhenEscalatedUntilItIsFinished() {
        UUID waiting = UUID.randomUUID();
        UUID matched = UUID.randomUUID();
        UUID escalated = UUID.randomUUID();
        monitor.needPosted(waiting, requester, "口罩", "500", "只", "370811012007", T0);
        monitor.needPosted(matched, requester, "口罩", "500", "只", "370811012007", T0);
        monitor.step(matched, UUID.randomUUID(), Stage.PROPOSED, T0.plusSeconds(5), provider, "500", null);
        monitor.needPosted(escalated, requester, "心理疏导", "3", "人次", "370811012002", T0.plusSeconds(3000));
        monitor.step(escalated, null, Stage.ESCALATED, T0.plusSeconds(3100), requester, "3", null);

        Instant now = T0.plus(Duration.ofMinutes(55));
        assertThat(monitor.stuckByArea(now, Duration.ofMinutes(30))).extracting(FlowMonitor.StuckArea::areaCode, FlowMonitor.StuckArea::needs)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("370811012007", 1),
                        org.assertj.core.groups.Tuple.tuple("370811012002", 1));
        assertThat(monitor.stuckByArea(T0.plus(Duration.ofMinutes(10)), Duration.ofMinutes(30))).extracting(FlowMonitor.StuckArea::areaCode)
                .containsExactly("370811012002"); // only the escalated one, before the threshold

        monitor.step(escalated, null, Stage.CONFIRMED, T0.plusSeconds(4000), requester, "3", null);
        assertThat(monitor.stuckByArea(now, Duration.ofMinutes(30))).extracting(FlowMonitor.StuckArea::areaCode)
                .containsExactly("370811012007");
        assertThat(monitor.unmetByArea()).containsEntry("370811012007", 2).doesNotContainKey("370811012002");
    }

    @Test
    void stepsThatArriveBeforeTheirNeedWaitForItAndAPartlyReceivedNeedIsNotFinished() {
        UUID need = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        monitor.step(need, first, Stage.PROPOSED, T0.plusSeconds(3), provider, "10", null); // matches topic read first
        monitor.step(need, UUID.randomUUID(), Stage.DECLINED, T0.plusSeconds(4), provider, "10", null);
        monitor.needPosted(need, requester, "口罩", "20", "箱", "370811012002", T0);
        monitor.step(need, first, Stage.CONFIRMED, T0.plusSeconds(60), requester, "10", null);

        assertThat(monitor.need(need).steps()).extracting(FlowMonitor.Step::stage)
                .containsExactly(Stage.POSTED, Stage.PROPOSED, Stage.DECLINED, Stage.CONFIRMED);
        assertThat(monitor.unmetByArea()).containsEntry("370811012002", 1); // 10 of 20 received
        monitor.step(need, null, Stage.EXPIRED, T0.plusSeconds(90), requester, null, null);
        assertThat(monitor.unmetByArea()).doesNotContainKey("370811012002");
    }

    @Test
    void countsEventsPerMinuteAndKeepsOnlyTheMostRecentNeeds() {
        monitor.counted("action.needs.v1", T0);
        monitor.counted("action.needs.v1", T0.plusSeconds(30));
        monitor.counted("action.needs.v1", T0.plusSeconds(61));
        assertThat(monitor.eventsPerMinute(T0.plusSeconds(61), 3)).containsEntry("action.needs.v1", java.util.List.of(0, 2, 1));

        for (int i = 0; i < 5; i++) {
            monitor.needPosted(UUID.randomUUID(), requester, "item " + i, "1", "箱", "37", T0.plusSeconds(i));
        }
        assertThat(monitor.needsHeld()).isEqualTo(3);
        assertThat(monitor.recent(10)).extracting(FlowMonitor.NeedSummary::item).containsExactly("item 4", "item 3", "item 2");
    }
}
