/**
 * The composition root: reads settings, builds the object graph with constructors ({@link ponte.app.Wiring}), and
 * offers the {@code ponte} command line. The only module that knows every other.
 */
package ponte.app;
