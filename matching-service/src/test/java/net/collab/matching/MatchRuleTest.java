package net.collab.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import net.collab.matching.domain.MatchRule;

class MatchRuleTest {

    @Test
    void anAreaCoversItselfAndItsDescendantsOnly() {
        assertThat(MatchRule.covers("370811", "370811012002")).isTrue();      // district covers community
        assertThat(MatchRule.covers("370811012", "370811012002")).isTrue();   // street covers community
        assertThat(MatchRule.covers("370811012002", "370811012002")).isTrue();
        assertThat(MatchRule.covers("370811012002", "370811")).isFalse();     // a community does not cover its district
        assertThat(MatchRule.covers("110108", "370811012002")).isFalse();
    }
}
