/** Start and end of a highlighted match in a search snippet (control characters nobody types). */
export const HIGHLIGHT_START = "\u0002";
export const HIGHLIGHT_END = "\u0003";
