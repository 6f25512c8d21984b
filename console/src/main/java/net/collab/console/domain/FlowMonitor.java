package net.collab.console.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/**
 * The coordinator's picture of the flow, built only from the events the services publish: how many
 * events each topic carried per minute, how long needs spend in each stage, which needs are stuck
 * and where, and each need's timeline across the services. Holds the most recent needs only.
 */
@TemplateData
public class FlowMonitor {

    /** The stages a need goes through, in order; the timeline names them so. */
    public enum Stage {
        POSTED, PROPOSED, ACCEPTED, DECLINED, EXPIRED, DELIVERED, CONFIRMED, ESCALATED, WITHDRAWN
    }

    /**
     * One step of a need's timeline: what happened, when, by which organization, with how much;
     * {@code ofNeed} when it concerns the whole need rather than one match (an expired need, not an expired proposal).
     */
    @TemplateData
    public record Step(Stage stage, Instant at, UUID organizationId, String quantity, String note, boolean ofNeed) {
    }

    /** A need as the monitor follows it. */
    @TemplateData
    public record NeedSummary(UUID needId, UUID requesterId, String item, String quantity, String unit, String areaCode,
            Instant postedAt, String stage, List<Step> steps) {
    }

    /** Median and 90th percentile of the time between two stages, over the needs that went through both. */
    @TemplateData
    public record StageTime(Stage from, Stage to, int needs, long medianSeconds, long p90Seconds) {
    }

    /** Needs waiting in one area: not (fully) matched, or escalated, for longer than the threshold. */
    @TemplateData
    public record StuckArea(String areaCode, int needs, Instant waitingSince) {
    }

    private static final List<Stage[]> MEASURED = List.of(new Stage[] { Stage.POSTED, Stage.PROPOSED },
            new Stage[] { Stage.PROPOSED, Stage.ACCEPTED }, new Stage[] { Stage.ACCEPTED, Stage.DELIVERED },
            new Stage[] { Stage.DELIVERED, Stage.CONFIRMED }, new Stage[] { Stage.POSTED, Stage.CONFIRMED });

    private final int maxNeeds;
    private final int minutesKept;
    private final Map<UUID, Flow> needs = new LinkedHashMap<>();
    private final Map<String, TreeMap<Long, Integer>> perMinute = new HashMap<>();
    private final Map<UUID, String> organizationNames = new HashMap<>();
    /** Steps that arrived before their need's NeedPosted (topics are not ordered among each other), oldest needs dropped first. */
    private final Map<UUID, List<Step>> early = new LinkedHashMap<>();

    public FlowMonitor(int maxNeeds, int minutesKept) {
        this.maxNeeds = maxNeeds;
        this.minutesKept = minutesKept;
    }

    private static final class Flow {
        final UUID needId;
        final UUID requesterId;
        final String item;
        final String quantity;
        final String unit;
        final String areaCode;
        final Instant postedAt;
        final List<Step> steps = new ArrayList<>();
        int liveProposals;
        boolean accepted;
        java.math.BigDecimal received = java.math.BigDecimal.ZERO;
        boolean finished;
        Instant escalatedAt;

        Flow(UUID needId, UUID requesterId, String item, String quantity, String unit, String areaCode, Instant postedAt) {
            this.needId = needId;
            this.requesterId = requesterId;
            this.item = item;
            this.quantity = quantity;
            this.unit = unit;
            this.areaCode = areaCode;
            this.postedAt = postedAt;
        }

        Instant first(Stage stage) {
            return steps.stream().filter(step -> step.stage() == stage).map(Step::at).min(Comparator.naturalOrder()).orElse(null);
        }

        Stage latest() {
            return steps.stream().max(Comparator.comparing(Step::at)).map(Step::stage).orElse(Stage.POSTED);
        }
    }

    /** Every event counts towards its topic's minute. */
    public synchronized void counted(String topic, Instant at) {
        long minute = at.getEpochSecond() / 60;
        TreeMap<Long, Integer> counts = perMinute.computeIfAbsent(topic, key -> new TreeMap<>());
        counts.merge(minute, 1, Integer::sum);
        while (!counts.isEmpty() && counts.firstKey() < counts.lastKey() - minutesKept) {
            counts.pollFirstEntry();
        }
    }

    public synchronized void organizationNamed(UUID organizationId, String name) {
        organizationNames.put(organizationId, name);
    }

    public synchronized String organizationName(UUID organizationId) {
        return organizationId == null ? "" : organizationNames.getOrDefault(organizationId, organizationId.toString());
    }

    public synchronized void needPosted(UUID needId, UUID requesterId, String item, String quantity, String unit, String areaCode,
            Instant postedAt) {
        if (needs.containsKey(needId)) {
            return; // a redelivered event
        }
        Flow flow = new Flow(needId, requesterId, item, quantity, unit, areaCode, postedAt);
        flow.steps.add(new Step(Stage.POSTED, postedAt, requesterId, quantity, null, true));
        needs.put(needId, flow);
        List<Step> waiting = early.remove(needId);
        if (waiting != null) {
            waiting.forEach(step -> apply(flow, step));
        }
        Iterator<UUID> oldest = needs.keySet().iterator();
        while (needs.size() > maxNeeds && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    /**
     * A step of a need from the matching or action events ({@code matchId} null: about the whole
     * need). A step may come before its need's NeedPosted: it waits for it.
     */
    public synchronized void step(UUID needId, UUID matchId, Stage stage, Instant at, UUID organizationId, String quantity,
            String note) {
        Step step = new Step(stage, at, organizationId, quantity, note, matchId == null);
        Flow flow = needs.get(needId);
        if (flow == null) {
            List<Step> waiting = early.computeIfAbsent(needId, key -> new ArrayList<>());
            if (!waiting.contains(step)) {
                waiting.add(step);
            }
            Iterator<UUID> oldest = early.keySet().iterator();
            while (early.size() > maxNeeds && oldest.hasNext()) {
                oldest.next();
                oldest.remove();
            }
            return;
        }
        apply(flow, step);
    }

    private static void apply(Flow flow, Step step) {
        if (flow.steps.contains(step)) {
            return; // a redelivered event
        }
        flow.steps.add(step);
        switch (step.stage()) {
            case PROPOSED -> flow.liveProposals++;
            case DECLINED -> flow.liveProposals--;
            case EXPIRED -> {
                if (step.ofNeed()) {
                    flow.finished = true; // the deadline passed
                } else {
                    flow.liveProposals--;
                }
            }
            case ACCEPTED -> flow.accepted = true;
            case CONFIRMED -> {
                flow.received = flow.received.add(number(step.quantity()));
                flow.finished = flow.received.compareTo(number(flow.quantity)) >= 0;
            }
            case WITHDRAWN -> flow.finished = true;
            case ESCALATED -> flow.escalatedAt = step.at();
            default -> {
            }
        }
    }

    private static java.math.BigDecimal number(String quantity) {
        try {
            return quantity == null ? java.math.BigDecimal.ZERO : new java.math.BigDecimal(quantity);
        } catch (NumberFormatException e) {
            return java.math.BigDecimal.ZERO;
        }
    }

    /** Events per minute per topic over the last {@code minutes} minutes up to {@code now}, oldest first. */
    public synchronized Map<String, List<Integer>> eventsPerMinute(Instant now, int minutes) {
        long last = now.getEpochSecond() / 60;
        Map<String, List<Integer>> series = new TreeMap<>();
        perMinute.forEach((topic, counts) -> {
            List<Integer> values = new ArrayList<>();
            for (long minute = last - minutes + 1; minute <= last; minute++) {
                values.add(counts.getOrDefault(minute, 0));
            }
            series.put(topic, values);
        });
        return series;
    }

    /** Time between stages, over the needs held. */
    public synchronized List<StageTime> stageTimes() {
        List<StageTime> times = new ArrayList<>();
        for (Stage[] pair : MEASURED) {
            List<Long> all = new ArrayList<>();
            for (Flow flow : needs.values()) {
                Instant from = flow.first(pair[0]);
                Instant to = flow.first(pair[1]);
                if (from != null && to != null && !to.isBefore(from)) {
                    all.add(Duration.between(from, to).toMillis() / 1000);
                }
            }
            all.sort(Comparator.naturalOrder());
            times.add(new StageTime(pair[0], pair[1], all.size(), percentile(all, 50), percentile(all, 90)));
        }
        return times;
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** Areas with needs that got no proposal for longer than {@code after}, or were escalated, most needs first. */
    public synchronized List<StuckArea> stuckByArea(Instant now, Duration after) {
        Map<String, int[]> counts = new HashMap<>();
        Map<String, Instant> since = new HashMap<>();
        for (Flow flow : needs.values()) {
            if (isStuck(flow, now, after)) {
                counts.computeIfAbsent(flow.areaCode, key -> new int[1])[0]++;
                since.merge(flow.areaCode, flow.postedAt, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return counts.entrySet().stream().map(entry -> new StuckArea(entry.getKey(), entry.getValue()[0], since.get(entry.getKey())))
                .sorted(Comparator.comparingInt(StuckArea::needs).reversed().thenComparing(StuckArea::areaCode)).toList();
    }

    /** Needs still waiting for support, per area code (for the area picture). */
    public synchronized Map<String, Integer> unmetByArea() {
        Map<String, Integer> unmet = new TreeMap<>();
        for (Flow flow : needs.values()) {
            if (!flow.finished) {
                unmet.merge(flow.areaCode, 1, Integer::sum);
            }
        }
        return unmet;
    }

    private static boolean isStuck(Flow flow, Instant now, Duration after) {
        if (flow.finished) {
            return false;
        }
        boolean answered = flow.liveProposals > 0 || flow.accepted;
        return flow.escalatedAt != null || (!answered && flow.postedAt.plus(after).isBefore(now));
    }

    public synchronized NeedSummary need(UUID needId) {
        Flow flow = needs.get(needId);
        if (flow == null) {
            return null;
        }
        List<Step> steps = new ArrayList<>(flow.steps);
        steps.sort(Comparator.comparing(Step::at));
        return new NeedSummary(flow.needId, flow.requesterId, flow.item, flow.quantity, flow.unit, flow.areaCode, flow.postedAt,
                flow.latest().name(), steps);
    }

    /** The most recently posted needs, newest first. */
    public synchronized List<NeedSummary> recent(int count) {
        List<UUID> ids = new ArrayList<>(needs.keySet());
        List<NeedSummary> recent = new ArrayList<>();
        for (int i = ids.size() - 1; i >= 0 && recent.size() < count; i--) {
            recent.add(need(ids.get(i)));
        }
        return recent;
    }

    public synchronized int needsHeld() {
        return needs.size();
    }

    public static Instant instant(OffsetDateTime time, Instant otherwise) {
        return time == null ? otherwise : time.toInstant();
    }
}
