package net.collab.events.action;

import net.collab.events.EventContract;
import net.collab.events.Topics;

/** An organization tells the network what it does, where and for whom. */
@EventContract(topic = Topics.ACTIONS, type = "net.collab.action.published.v1")
public record ActionPublished(ActionSnapshot action) implements ActionEvent {
    @Override
    public void dispatchTo(Handler handler) {
        handler.published(this);
    }
}
