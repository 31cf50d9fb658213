import { z } from 'zod';

/**
 * An LLM endpoint: an absolute http: or https: URL with a host. `file:`, `javascript:`, `data:` and the like
 * are refused, so a request can never point the OpenAI client at anything but an HTTP server.
 */
export const HttpUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// URL, e.g. http://127.0.0.1:8000/v1');
