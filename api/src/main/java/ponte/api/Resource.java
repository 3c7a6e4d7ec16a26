package ponte.api;

/**
 * A part of the API: its routes, and the use cases they call, which it takes in its constructor and nothing more. The
 * composition root builds each one and hands them to {@link HttpApi}.
 */
public interface Resource {
    /** Adds this resource's routes (method, path template, handler). */
    void register(Routes routes);
}
