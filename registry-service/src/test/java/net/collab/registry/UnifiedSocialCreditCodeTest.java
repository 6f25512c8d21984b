package net.collab.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import net.collab.registry.domain.UnifiedSocialCreditCode;

class UnifiedSocialCreditCodeTest {

    @Test
    void acceptsCodesWhoseCheckCharacterFits() {
        // Published codes of real organizations (check characters computed per GB 32100-2015).
        assertThat(UnifiedSocialCreditCode.problem("91350100M000100Y43")).isNull();
        assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    }

    @Test
    void namesWhatIsWrong() {
        assertThat(UnifiedSocialCreditCode.problem("91350100M000100Y44")).contains("should be '3'");
        assertThat(UnifiedSocialCreditCode.problem("91350100M000100Y4")).contains("18 characters");
        assertThat(UnifiedSocialCreditCode.problem("91350100M000100I43")).contains("'I'");
    }
}
