package ponte.app;

import java.nio.file.Path;
import java.time.Clock;
import ponte.core.licensing.Entitlements;
import ponte.core.log.ContentLog;
import ponte.core.log.Tail;
import ponte.core.reading.Finding;
import ponte.core.reading.LanguageVersions;
import ponte.core.reading.Reading;
import ponte.core.search.Searching;
import ponte.search.Indexer;
import ponte.search.LuceneIndex;

/**
 * Search on this node: a Lucene index under the data dir, fed by a reader of the log with its own cursor (committed
 * with the index); {@link Searching} asks the entitlement gate (through {@link Finding}) about every candidate.
 */
record Search(LuceneIndex index, Indexer indexer, Searching searching, LanguageVersions languageVersions) implements AutoCloseable {

    static Search open(Path dataDir, Stores stores, ContentLog log, Tail tail, Entitlements entitlements, Reading reading, NodeMetrics metrics,
                       Clock clock) {
        LuceneIndex index = LuceneIndex.open(dataDir.resolve("search"), stores.orgs(), Runtime.getRuntime().availableProcessors());
        Indexer indexer = new Indexer(log, index, tail); // woken by entries committed on any node
        metrics.consumer("search-index", () -> index.cursor().seq());
        Finding finding = new Finding(entitlements);
        return new Search(index, indexer, new Searching(index, log, stores.items(), entitlements, finding, clock),
                new LanguageVersions(stores.items(), reading, finding, clock));
    }

    @Override
    public void close() {
        indexer.close();
        index.close();
    }
}
