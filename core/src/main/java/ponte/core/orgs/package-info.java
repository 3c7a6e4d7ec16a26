/** Organisations (agencies, broadcasters, platforms, studios, public bodies) and the outlets through which they reach countries. */
package ponte.core.orgs;
