package ponte.web;

/** One page's answer to a visit: parse, call a core use case, render (or redirect after a change). */
@FunctionalInterface
public interface PageHandler {
    void handle(Visit visit) throws Exception;
}
