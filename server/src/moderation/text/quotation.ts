/**
 * An opening quotation mark with no closing mark after it, at the end of the text before a match: what follows is
 * inside a quotation. An apostrophe inside a word (`don't`) opens none.
 */
export const OPEN_QUOTE = /(?:["“«]|(?<![\p{L}\p{N}])['‘])[^"“”«»'‘’]*$/u;
