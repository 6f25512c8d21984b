package net.collab.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import net.collab.notification.domain.Deliveries;

/** What a mail server says may quote the address; it is logged and published without it. */
class AddressScrubbingTest {

    @Test
    void everyAddressInAServersAnswerIsReplacedWhateverItsScript() {
        assertThat(Deliveries.withoutAddresses("550 5.1.1 <li.lei@example.org>: Recipient address rejected: User unknown"))
                .isEqualTo("550 5.1.1 <<address>>: Recipient address rejected: User unknown");
        assertThat(Deliveries.withoutAddresses("553 mailbox 张三@例子.中国 not allowed; also 'a.b+c@x-y.example'"))
                .isEqualTo("553 mailbox <address> not allowed; also '<address>'");
        assertThat(Deliveries.withoutAddresses("Connection refused: localhost/127.0.0.1:3025")).isEqualTo(
                "Connection refused: localhost/127.0.0.1:3025");
        assertThat(Deliveries.withoutAddresses(null)).isNull();
    }
}
