/**
 * Decodes an `application/x-www-form-urlencoded` body into an object, reading PHP's bracket keys
 * (`data[Item][0][name]=…`, what `http_build_query` makes of nested arrays) as nesting. Lists come
 * back as objects with numeric keys, which the bill parser accepts.
 */
export function decodeFormBody(text: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const path = splitKey(key);
    let target: Record<string, unknown> = result;
    for (let i = 0; i < path.length - 1; i++) {
      const next = target[path[i]];
      if (typeof next !== 'object' || next === null) target[path[i]] = {};
      target = target[path[i]] as Record<string, unknown>;
    }
    target[path[path.length - 1]] = value;
  }
  return result;
}

function splitKey(key: string): string[] {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])+)$/.exec(key);
  if (!match) return [key];
  const segments = [...match[2].matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]);
  return [match[1], ...segments];
}
