package net.collab.events.action;

import net.collab.events.EventContract;
import net.collab.events.Topics;
import net.collab.events.Vocabulary.ActionStatus;

/** An action started, was completed or was cancelled. */
@EventContract(topic = Topics.ACTIONS, type = "net.collab.action.status-changed.v1")
public record ActionStatusChanged(ActionSnapshot action, ActionStatus previousStatus) implements ActionEvent {
    @Override
    public void dispatchTo(Handler handler) {
        handler.statusChanged(this);
    }
}
