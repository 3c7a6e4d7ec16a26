package ponte.core.reach;

/**
 * Port: reach counted in advance. Routes, reads and usage reports are folded into daily counts per scope off the
 * publish path, a batch at a time; {@link ReachFacts} answers from the counts plus what is not folded yet, so an answer
 * is exact and fresh whether or not the folder has caught up.
 */
public interface ReachRollups {
    /** Folds one batch; true when there is more to fold right away. */
    boolean fold();
}
