import type { codes as Codes, Remedy, Surface } from '../src/errors.ts';
import type { Lang } from '../src/present/lang.ts';

const sample = (name: string) => `\`${name}\``;

/** Placeholder arguments, so the doc shows the shape of each message. */
export const placeholderArgs = new Proxy(
  {},
  {
    get: (_t, k) => {
      const name = String(k);
      // A bad option's fixes, as data each shell words itself (the CLI names its flag).
      if (name === 'fixes')
        return [
          { option: sample('option'), value: '…', allowed: { en: sample('allowed'), 'zh-CN': sample('allowed') } },
        ];
      // A case's refused fields, as data: the field, the value given (none: missing) and what it takes.
      if (name === 'fieldProblems')
        return [
          { field: sample('field'), value: null, expected: { en: sample('expected'), 'zh-CN': sample('expected') } },
        ];
      // A playbook's refused parts, as data: where in the definition, the value given and what it takes.
      if (name === 'playbookProblems' || name === 'surveyProblems')
        return [{ path: sample('path'), value: '…', allowed: { en: sample('allowed'), 'zh-CN': sample('allowed') } }];
      if (['found', 'known', 'sheets', 'problems', 'fields', 'ids'].includes(name)) return ['…'];
      // Remedies a caller names (a fit's) are not the table's: the doc lists only the codes' own.
      if (name === 'remedies') return undefined;
      // Caller-supplied texts (a query's or a fit's own hint) are shown as a placeholder in both languages.
      if (name === 'hint' || name === 'problem') return { en: sample('hint'), 'zh-CN': sample('hint') };
      return sample(name);
    },
  },
);

type Def = {
  status: number;
  message: Record<Lang, Fn>;
  hint: Record<Lang, Fn>;
  remedies?: (a: unknown) => Remedy[];
};
type Fn = (a: unknown, on: Surface) => string;
const cell = (s: string) => s.replaceAll('|', '\\|');

/** The hint once when every surface reads the same, else each surface's wording; then the remedies' actions. */
function hintCell(d: Def, lang: Lang): string {
  const actions = d.remedies?.(placeholderArgs).map((r) => `\`${r.action}\``) ?? [];
  return actions.length ? `${surfaceHints(d, lang)} → ${actions.join(', ')}` : surfaceHints(d, lang);
}

function surfaceHints(d: Def, lang: Lang): string {
  const by = {
    CLI: d.hint[lang](placeholderArgs, 'cli'),
    dashboard: d.hint[lang](placeholderArgs, 'web'),
    API: d.hint[lang](placeholderArgs, 'api'),
  };
  const texts = Object.values(by);
  if (texts.every((t) => t === texts[0])) return cell(texts[0] as string);
  return Object.entries(by)
    .map(([surface, t]) => `${surface}: ${cell(t)}`)
    .join('<br>');
}

const table = (codes: typeof Codes, lang: Lang) =>
  Object.entries(codes)
    .map(([code, def]) => {
      const d = def as unknown as Def;
      return `| ${code} | ${d.status} | ${cell(d.message[lang](placeholderArgs, 'cli'))} | ${hintCell(d, lang)} |`;
    })
    .join('\n');

/** docs/errors.md: every code with its HTTP status, what it means and the hint users get, in both languages. */
export function errorsDoc(codes: typeof Codes): string {
  return `# Error codes

Generated from \`packages/core/src/errors.ts\` (the table lives in \`packages/core/src/errors/\`) by
\`npm run docs:errors\`; a test fails when they disagree. Every error a user sees carries one of these codes, a
message, where it happened (file, line, column, value) and a hint, in English or Chinese: the CLI follows
\`--lang\` or \`TENURE_LANG\`, the API the \`lang\` query, then Accept-Language. A hint is worded for where it is read:
the CLI names its flags, the dashboard the controls on its pages, the API the request's fields. A bad option
(TEN_BAD_OPTION) carries its fix as data (\`fixes\`: option, value, what is allowed): the table words it for an API
client, and the CLI and the dashboard word it themselves. Likewise a hint says neutrally what to do and names its
remedies (→ \`train_model\` …, \`packages/core/src/errors/actions.ts\`): each shell adds its own wording of them, the
CLI the command, the dashboard the page and its control, the API the route. The CLI maps codes
to exit codes (see the README); the HTTP API answers with the status column, as application/problem+json.
Row-level codes (\`TEN_ROW_*\`) are stored per rejected row in the \`rejects\` table.

## English

| code | HTTP | message | hint |
|---|---|---|---|
${table(codes, 'en')}

## 中文

| 代码 | HTTP | 消息 | 提示 |
|---|---|---|---|
${table(codes, 'zh-CN')}
`;
}
