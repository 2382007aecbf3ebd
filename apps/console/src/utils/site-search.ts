/** Shorter site searches are not sent: two characters already find a transmitter number or a name. */
export const MIN_QUERY_LENGTH = 2;
