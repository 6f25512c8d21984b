package net.collab.testing;

import java.util.List;

import net.collab.events.Vocabulary.AreaLevel;
import net.collab.events.registry.AreaDefined;

/** Plays the registry's areas for services that keep a replica of them: the places the tests use, with their real codes. */
public final class TestAreas {

    /** Code and name, parents before children. */
    private static final String[][] PLACES = {
            {"37", "山东省"}, {"3708", "济宁市"}, {"370811", "任城区"}, {"370811012", "济阳街道"},
            {"370811012002", "草桥口社区"}, {"370811012007", "南门社区"},
            {"3710", "威海市"}, {"371002", "环翠区"},
            {"11", "北京市"}, {"1101", "市辖区"}, {"110108", "海淀区"}, {"110108010", "学院路街道"},
            {"110108010009", "学知园社区"},
            {"35", "福建省"}, {"3503", "莆田市"}, {"350302", "城厢区"}};

    private TestAreas() {
    }

    /** The codes of every place above. */
    public static List<String> codes() {
        return List.of(PLACES).stream().map(place -> place[0]).toList();
    }

    /** Publishes every place above (the replica upserts: sending them again changes nothing). */
    public static void define() {
        TestEvents.sendAll(List.of(PLACES).stream()
                .map(place -> new AreaDefined(place[0], place[1], AreaLevel.ofCode(place[0]), AreaLevel.parentOf(place[0]), null)).toList());
    }
}
