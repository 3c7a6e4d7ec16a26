/**
 * Promotion campaigns: a party's items promoted on its partners' channels under an agreement, bookable offers
 * presented by items, tracked links and the clicks and bookings they bring. A campaign grants nothing: its items
 * reach partners only under the agreement's grants, through the one entitlement gate.
 */
package ponte.core.campaigns;
