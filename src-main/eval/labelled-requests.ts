import fs from 'node:fs';
import { z } from 'zod';
import { OrganismSchema, ReadLayoutSchema, RequestKindSchema, StrandednessSchema } from '../../src-preload/schemas/intent';

/** Fields a labelled request may carry; a field left out is not scored for that request. */
export const ExpectedFieldsSchema = z
  .object({
    request_kind: RequestKindSchema,
    analysis_type: z.string(),
    /** an organism id ('mouse'), a full organism, or null for none */
    organism: z.union([z.string(), OrganismSchema]).nullable(),
    tissue: z.string().nullable(),
    cell_type: z.string().nullable(),
    data_type: z.string().nullable(),
    read_layout: ReadLayoutSchema,
    strandedness: StrandednessSchema,
    /** the condition groups, or an object with groups, or null */
    comparison: z.union([z.array(z.string()), z.object({ groups: z.array(z.string()) }).loose()]).nullable(),
    requested_tools: z.array(z.string()),
    constraints: z.array(z.string()),
    missing_information: z.array(z.string()),
  })
  .partial();
export type ExpectedFields = z.infer<typeof ExpectedFieldsSchema>;
export type LabelledField = keyof ExpectedFields;
export const LABELLED_FIELDS = Object.keys(ExpectedFieldsSchema.shape) as LabelledField[];

export const LabelledRequestSchema = z
  .object({
    id: z.string().min(1),
    query: z.string().min(1),
    /** 'tune' requests may guide the parser's rules; 'heldout' ones never do */
    split: z.enum(['tune', 'heldout']).default('tune'),
    voice: z.string().optional(),
    expected: ExpectedFieldsSchema.optional(),
    /** the golden-query spelling of the labels, accepted as well */
    expected_intent: ExpectedFieldsSchema.loose().optional(),
  })
  .transform(({ expected, expected_intent, ...rest }) => {
    const labels = expected ?? expected_intent ?? {};
    const picked = Object.fromEntries(LABELLED_FIELDS.filter((f) => labels[f] !== undefined).map((f) => [f, labels[f]]));
    return { ...rest, expected: picked as ExpectedFields };
  });
export type LabelledRequest = z.infer<typeof LabelledRequestSchema>;

export interface LoadedRequests {
  requests: LabelledRequest[];
  /** lines that are not a labelled request: 1-based line number and why */
  errors: { line: number; reason: string }[];
}

/** Reads a labelled JSONL file: one request per line; blank lines skipped; bad lines reported, not thrown. */
export function loadLabelledRequests(file: string): LoadedRequests {
  const requests: LabelledRequest[] = [];
  const errors: LoadedRequests['errors'] = [];
  const ids = new Set<string>();
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const text = raw.trim();
      if (!text) return;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        errors.push({ line: i + 1, reason: `not JSON: ${(e as Error).message}` });
        return;
      }
      const parsed = LabelledRequestSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        errors.push({ line: i + 1, reason: `${issue.path.join('.') || 'line'}: ${issue.message}` });
      } else if (ids.has(parsed.data.id)) errors.push({ line: i + 1, reason: `id: duplicate ${parsed.data.id}` });
      else if (Object.keys(parsed.data.expected).length === 0) errors.push({ line: i + 1, reason: 'expected: no labelled field' });
      else {
        ids.add(parsed.data.id);
        requests.push(parsed.data);
      }
    });
  return { requests, errors };
}
