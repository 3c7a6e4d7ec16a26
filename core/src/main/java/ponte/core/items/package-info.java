/** Items and their versions: publishing, updates, corrections and kills, decided by the {@link ponte.core.items.Desk}. */
package ponte.core.items;
