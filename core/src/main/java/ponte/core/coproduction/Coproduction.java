package ponte.core.coproduction;

import ponte.core.access.Caller;
import ponte.core.agreements.Agreement;

/**
 * A co-production project and its current version. It is active while every party's admin has approved the current
 * version and its agreement is in force; it follows its agreement into suspension and to its end.
 */
public record Coproduction(String id, ProjectVersion current) {

    /** The project's state, given the state of the agreement it is made under. */
    public Agreement.State state(Agreement.State agreement) {
        return switch (agreement) {
            case SUSPENDED, ENDED -> agreement;
            case DRAFT, ACTIVE -> current.approvedByEveryParty() ? Agreement.State.ACTIVE : Agreement.State.DRAFT;
        };
    }

    /** Only parties see a project, with a key of any role: to anyone else, the operator too, it does not exist. */
    public boolean visibleTo(Caller caller) {
        return caller.belongsToAny(current.plan().orgs());
    }

    public Plan plan() {
        return current.plan();
    }
}
