/** Who is calling: API keys, their org and their role. */
package ponte.core.access;
