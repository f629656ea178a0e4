import { tenureError } from '@tenure/core/shell';

/** All of stdin as text, for a password piped in (`echo "$PW" | tenure users add …`): the trailing newline dropped. */
async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, '');
}

/**
 * Ask on the terminal without echoing what is typed. readline is imported here, not at the top: `tenure --help`
 * imports every command's module to list them, and node:readline would cost it a compile.
 */
async function askHidden(question: string): Promise<string> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // readline echoes through _writeToOutput; silence it after the question, so the password never shows.
  const out = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stderr.write(question);
  out._writeToOutput = () => undefined;
  return new Promise((done) =>
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      done(answer);
    }),
  );
}

/**
 * A password: from stdin when it is piped, else asked twice on the terminal. A password on the command line
 * (--password) also works but stays in the shell history.
 */
export async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readStdin();
  const first = await askHidden('Password: ');
  const again = await askHidden('Again: ');
  if (first !== again) throw tenureError('TEN_PASSWORD_MISMATCH', {});
  return first;
}
