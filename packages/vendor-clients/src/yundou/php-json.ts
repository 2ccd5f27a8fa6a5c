/**
 * JSON as PHP's `json_encode` writes it by default: non-ASCII escaped as `\uXXXX` (the document's
 * own example answer is `"message":"\u4e0a\u4f20\u6210\u529f"`) and `/` escaped as `\/`.
 */
export function phpJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
