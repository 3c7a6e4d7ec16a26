/** Products: what an org offers and licenses by. */
package ponte.core.products;
