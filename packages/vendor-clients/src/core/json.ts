/** Parses JSON without throwing: callbacks and acknowledgements are judged leniently. */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
