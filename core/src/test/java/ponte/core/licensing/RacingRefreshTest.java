package ponte.core.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.core.fixtures.Fixtures.T0;
import static ponte.core.fixtures.Fixtures.aNetwork;
import static ponte.core.fixtures.Fixtures.aVersion;
import static ponte.core.fixtures.Fixtures.anItem;
import static ponte.core.fixtures.Fixtures.org;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.orgs.OrgId;

/**
 * {@link Entitlements#refresh(Set)} reads outside the gate's monitor, so two refreshes can race: one that read before
 * the other published must not put its older network back.
 */
class RacingRefreshTest {
    private final Item item = anItem().withId("i1").ownedBy("agency").build();
    private final Version news = aVersion().of(item).inLanguage("it").inProducts("news").build();
    private final Network licensed = aNetwork().agency("agency", "IT").withProducts("news").partner("cgtn", "CN").licensedTo("cgtn").build();
    private final Network ended = aNetwork().agency("agency", "IT").withProducts("news").partner("cgtn", "CN").build();

    /** No background rebuild runs: it would read the whole network again and mend a stale partition later. */
    private static final java.util.concurrent.Executor NEVER = rebuild -> {};

    @Test
    void aRefreshThatReadBeforeAnotherPublishedDoesNotUndoIt() {
        Store store = new Store(licensed);
        Entitlements gate = new Entitlements(store, NEVER);
        // While the first refresh reads (the licence still there), the licence ends and its own refresh publishes.
        store.duringNextRead = () -> {
            store.now = ended;
            gate.refresh(Set.of(org("cgtn")));
        };

        gate.refresh(Set.of(org("cgtn")));

        assertThat(gate.mayReceive(org("cgtn"), item, news, false, T0)).isFalse();
        assertThat(gate.route(item, news, Map.of(), T0)).isEmpty();
    }

    @Test
    void aRefreshWithNoOneRacingPublishesWhatItRead() {
        Store store = new Store(licensed);
        Entitlements gate = new Entitlements(store, NEVER);
        store.now = ended;

        gate.refresh(Set.of(org("cgtn")));

        assertThat(gate.mayReceive(org("cgtn"), item, news, false, T0)).isFalse();
        assertThat(store.reads).isEqualTo(1);
    }

    /** The stored network, read as of its state when each read begins, with something that happens during one read. */
    private static final class Store implements NetworkSource {
        Network now;
        Runnable duringNextRead = () -> {};
        int reads;

        Store(Network now) {
            this.now = now;
        }

        @Override
        public Network whole() {
            return now;
        }

        @Override
        public Network concerning(Set<OrgId> orgs) {
            reads++;
            Network read = now.concerning(orgs);
            Runnable during = duringNextRead;
            duringNextRead = () -> {};
            during.run();
            return read;
        }
    }
}
