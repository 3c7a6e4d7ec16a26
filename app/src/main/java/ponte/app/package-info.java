/**
 * The composition root: reads the configuration once ({@link ponte.app.Configuration}, {@link ponte.app.NodeOptions}),
 * builds the object graph with constructors ({@link ponte.app.Wiring}, with the log's mode chosen once in
 * {@link ponte.app.LogMode}), runs it as a {@link ponte.app.Node}, and offers the {@code ponte} command line. The only
 * module that knows every other.
 */
package ponte.app;
