package net.collab.events.action;

import net.collab.events.EventContract;
import net.collab.events.Topics;

/** The organization changed what it says about its action (title, places, period, volunteers sought…). */
@EventContract(topic = Topics.ACTIONS, type = "net.collab.action.updated.v1")
public record ActionUpdated(ActionSnapshot action) implements ActionEvent {
    @Override
    public void dispatchTo(Handler handler) {
        handler.updated(this);
    }
}
