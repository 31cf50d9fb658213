/** Personal information found in dataset text and replaced by placeholders (plan 3.1 "No PII"). */
export type PiiKind = 'email' | 'phone' | 'ip' | 'name' | 'home_path' | 'api_key';

interface PiiRule {
  kind: PiiKind;
  pattern: RegExp;
  replace: string | ((match: string, ...groups: string[]) => string);
}

const RULES: PiiRule[] = [
  { kind: 'api_key', pattern: /\b(?:sk|pk|rk)-(?:proj-|live-|test-)?[A-Za-z0-9_-]{16,}\b|\bgh[pousr]_[A-Za-z0-9]{20,}\b|\bAKIA[0-9A-Z]{16}\b|\bhf_[A-Za-z0-9]{20,}\b|\bxox[abpr]-[A-Za-z0-9-]{10,}\b/g, replace: '<API_KEY>' },
  { kind: 'email', pattern: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g, replace: '<EMAIL>' },
  // not version numbers: `gatk4:4.5.0.0--py36`, `v1.2.3.4`, `echo 2.0.1.3` (a module stating a version), `version 2.0.1.3`
  { kind: 'ip', pattern: /(?<![\w.:=/@-])(?<!\b(?:echo|version|release) )(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\w.-])/g, replace: '<IP>' },
  {
    kind: 'phone',
    // digit groups with separators, 9-15 digits in all (dates, versions and genomic coordinates are excluded)
    pattern: /(?<![\w.+:=/-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,4}){1,3}(?![\w.:-])/g,
    replace: (m: string) => {
      const digits = m.replace(/\D/g, '').length;
      return digits >= 9 && digits <= 15 ? '<PHONE>' : m;
    },
  },
  {
    kind: 'home_path',
    pattern: /(\/(?:home|Users)\/)[A-Za-z0-9._-]+|([A-Za-z]:\\Users\\)[A-Za-z0-9._-]+/g,
    replace: (_m, unix: string | undefined, win: string | undefined) => `${unix ?? win}<USER>`,
  },
  {
    kind: 'name',
    // a personal name after a greeting or sign-off: "Hi Anna,", "Thanks, John Smith", "I'm Maria"
    pattern: /\b((?:hi|hello|hey|dear|thanks|thank you|cheers|regards|best|i am|i'm|my name is|this is)[,!]?\s+)([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b/gi,
    replace: (_m, lead: string, name: string) =>
      /^[A-Z]/.test(name) && !NOT_NAMES.has(name.toLowerCase().split(/\s+/)[0]!) ? `${lead}<NAME>` : `${lead}${name}`,
  },
];

/** Capitalised words after a greeting that are not names ("Hi! Looking to run...", "I am new ..."). */
const NOT_NAMES = new Set([
  'there', 'all', 'team', 'everyone', 'again', 'new', 'working', 'looking', 'trying', 'planning', 'a', 'an', 'the', 'not', 'so',
  'using', 'running', 'doing', 'interested', 'studying', 'analyzing', 'analysing', 'stuck', 'getting', 'going', 'sure', 'and',
  'for', 'in', 'on', 'to', 'with', 'from', 'of', 'at', 'about', 'sorry', 'very', 'really', 'just', 'also', 'still', 'here',
  'currently', 'hoping', 'wondering', 'new', 'unsure', 'guessing', 'thinking', 'no', 'yes', 'ok', 'okay', 'please', 'can', 'could',
  'would', 'will', 'need', 'want', 'have', 'has', 'had', 'is', 'are', 'was', 'be', 'do', 'does', 'did', 'it', 'this', 'that',
  'i', 'we', 'you', 'my', 'our', 'your', 'help', 'in', 'advance', 'lot', 'much', 'what', 'how', 'why', 'when', 'where', 'which',
]);

export interface PiiScrub {
  text: string;
  found: PiiKind[];
}

/** Replaces personal information with typed placeholders; `found` lists the kinds removed, sorted. */
export function scrubPii(text: string): PiiScrub {
  const found = new Set<PiiKind>();
  let out = text;
  for (const rule of RULES) {
    out = out.replace(rule.pattern, (...args: unknown[]) => {
      const match = args[0] as string;
      const replaced = typeof rule.replace === 'string' ? rule.replace : rule.replace(match, ...(args.slice(1, -2) as string[]));
      if (replaced !== match) found.add(rule.kind);
      return replaced;
    });
  }
  return { text: out, found: [...found].sort() };
}
