package net.collab.notification.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import net.collab.notification.domain.People;
import net.collab.notification.domain.Person;
import net.collab.web.Caller;

/** The person calling, as this service knows them: learned (or brought up to date) from their token once per request. */
@RequestScoped
public class CallerPerson {

    @Inject
    Caller caller;

    @Inject
    People people;

    private Person person;

    public Person get() {
        if (person == null) {
            person = people.know(new People.Identity(caller.subject(), caller.email().orElse(null), caller.displayName().orElse(null),
                    caller.isCoordinator()));
        }
        return person;
    }
}
