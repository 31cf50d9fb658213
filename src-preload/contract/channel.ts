import type { z } from 'zod';

/** One request/response channel of the API contract. Both sides validate with these schemas. */
export interface Channel<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
}

export const channel = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res): Channel<Req, Res> => ({
  request,
  response,
});
