package ponte.core.reach;

import java.util.List;

/**
 * Port: partners' reads, kept per day: for each (org, day) the highest entry served, and for each (org, item, version,
 * day) how many times it was fetched. A batch is written in one transaction, its facts folded together first.
 */
public interface ReadFacts {
    void record(List<ReadFact> facts);
}
