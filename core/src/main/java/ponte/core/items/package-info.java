/** Items and their versions as values, and the ports that read them; what a change does is decided in {@link ponte.core.publishing}. */
package ponte.core.items;
