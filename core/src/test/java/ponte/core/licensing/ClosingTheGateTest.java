package ponte.core.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.core.fixtures.Fixtures.T0;
import static ponte.core.fixtures.Fixtures.aNetwork;
import static ponte.core.fixtures.Fixtures.aVersion;
import static ponte.core.fixtures.Fixtures.anItem;
import static ponte.core.fixtures.Fixtures.org;

import java.util.Set;
import org.junit.jupiter.api.Test;
import ponte.core.items.Item;
import ponte.core.items.Version;

/** A node closes its gate: the thread that rebuilt the whole index ends, and the gate goes on answering. */
class ClosingTheGateTest {
    private final Item item = anItem().withId("i1").ownedBy("agency").build();
    private final Version news = aVersion().of(item).inLanguage("it").inProducts("news").build();
    private Network network = aNetwork().agency("agency", "IT").withProducts("news").partner("cgtn", "CN").build();

    @Test
    void aClosedGateEndsItsRebuildThreadAndStillRefreshes() throws InterruptedException {
        Entitlements gate = Entitlements.rebuildingInBackground(NetworkSource.of(() -> network));
        gate.refresh(Set.of(org("cgtn"))); // asks its thread for a rebuild

        gate.close();
        network = aNetwork().agency("agency", "IT").withProducts("news").partner("cgtn", "CN").licensedTo("cgtn").build();
        gate.refresh(Set.of(org("cgtn")));

        assertThat(gate.mayReceive(org("cgtn"), item, news, false, T0)).isTrue();
        assertThat(rebuildThreadEnds()).as("no entitlements-rebuild thread alive after close").isTrue();
    }

    /** Whether every thread named for rebuilds has ended within five seconds (a pool's thread exits just after it says so). */
    private static boolean rebuildThreadEnds() throws InterruptedException {
        for (long deadline = System.nanoTime() + 5_000_000_000L; System.nanoTime() < deadline; Thread.sleep(10)) {
            if (Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("entitlements-rebuild") && t.isAlive())) {
                return true;
            }
        }
        return false;
    }
}
