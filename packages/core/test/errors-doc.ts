import type { codes as Codes } from '../src/errors.ts';

const sample = (name: string) => `\`${name}\``;

/** docs/errors.md: every code with its HTTP status, what it means and the hint users get. */
export function errorsDoc(codes: typeof Codes): string {
  const rows = Object.entries(codes).map(([code, d]) => {
    // Render with placeholder arguments so the doc shows the shape of each message.
    const args = new Proxy(
      {},
      {
        get: (_t, k) =>
          ['found', 'known', 'sheets', 'problems', 'fields'].includes(String(k)) ? ['…'] : sample(String(k)),
      },
    );
    const message = (d.message as (a: unknown) => string)(args).replaceAll('|', '\\|');
    const hint = (d.hint as (a: unknown) => string)(args).replaceAll('|', '\\|');
    return `| ${code} | ${d.status} | ${message} | ${hint} |`;
  });
  return `# Error codes

Generated from \`packages/core/src/errors.ts\` by \`npm run docs:errors\`; a test fails when they disagree.
Every error a user sees carries one of these codes, a message, where it happened (file, line, column, value)
and a hint. The CLI maps them to exit codes (see the README); the HTTP API will use the status column.
Row-level codes (\`TEN_ROW_*\`) are stored per rejected row in the \`rejects\` table.

| code | HTTP | message | hint |
|---|---|---|---|
${rows.join('\n')}
`;
}
