/**
 * What a merchant must never read in an order's detail: camelCase or snake_case keys, raw status or kind
 * codes, booleans. Used by both merchant UIs' journeys (the desk console and the mini-program pages).
 */
export const RAW_WORDS =
  /\b[a-z]+[A-Z]\w*\b|\b[a-z]+_[a-z_]+\b|\b(pending|processing|completed|failed|cancelled|true|false|null|undefined)\b/;
