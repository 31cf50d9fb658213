/** A string as a literal part of a RegExp (e.g. a loopback URL inside an expected error message). */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
