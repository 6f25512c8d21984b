package net.collab.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void bothLanguagesHaveTheSameWordsAndChineseIsTheDefault() {
        assertThat(Texts.load("en").keySet()).containsExactlyInAnyOrderElementsOf(Texts.load("zh").keySet());
        assertThat(Texts.language(null)).isEqualTo("zh");
        assertThat(Texts.language("fr")).isEqualTo("zh");
        assertThat(Texts.of("en").get("nav_post")).isEqualTo("Post a need");
        assertThat(Texts.of("zh").get("nav_post")).isEqualTo("发布需求");
    }

    @Test
    void quantitiesAndTimesAreWrittenForPeople() {
        assertThat(Formats.qty("20.00")).isEqualTo("20");
        assertThat(Formats.qty(2.5)).isEqualTo("2.5");
        assertThat(Formats.when("2026-12-06T05:00:00Z")).isEqualTo("2026-12-06 13:00");
        assertThat(Formats.label(Texts.of("zh"), "status", "FULFILLED")).isEqualTo("已完成");
        assertThat(Formats.label(Texts.of("zh"), "status", "SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
        assertThat(Formats.percent(5, 20)).isEqualTo(25);
        assertThat(Forms.endOfDay("2026-12-06")).isEqualTo("2026-12-06T23:59+08:00");
    }
}
