import 'reflect-metadata';
import { stdin, stdout } from 'node:process';
import { createInterface } from 'node:readline';
import { DataSource } from 'typeorm';
import { Merchant, type MerchantRole } from '../auth/merchant.entity.js';
import { hashPassword, passwordProblem } from '../auth/password.js';
import { loadConfig } from '../config/app-config.js';
import { dataSourceOptions } from '../database/data-source-options.js';
import { ENTITIES } from '../entities.js';

const USAGE =
  'usage: pnpm merchant:create <username> [--role owner|staff] [--update]\n' +
  'password: from MERCHANT_PASSWORD, or asked for on the terminal';

/** `pnpm merchant:create <username>`: creates (or with --update, resets) a merchant account. */
async function main(argv: string[]): Promise<void> {
  const username = argv.find((arg) => !arg.startsWith('--') && argv[argv.indexOf(arg) - 1] !== '--role');
  const roleIndex = argv.indexOf('--role');
  const role = (roleIndex >= 0 ? argv[roleIndex + 1] : 'owner') as MerchantRole;
  if (!username || !/^[\w.@-]{3,64}$/.test(username) || !['owner', 'staff'].includes(role)) throw new UsageError(USAGE);
  const password = process.env.MERCHANT_PASSWORD ?? (await askHidden(`Password for ${username}: `));
  const problem = passwordProblem(password);
  if (problem) throw new UsageError(problem);

  const config = loadConfig();
  const dataSource = await new DataSource(dataSourceOptions(config.databaseUrl, ENTITIES)).initialize();
  try {
    const repository = dataSource.getRepository(Merchant);
    const existing = await repository.findOneBy({ username });
    const now = new Date();
    if (existing && !argv.includes('--update'))
      throw new UsageError(`merchant ${username} exists; add --update to reset its password and role`);
    if (existing)
      await repository.update(existing.id, { passwordHash: await hashPassword(password), role, updatedAt: now });
    else
      await repository.insert({
        username,
        passwordHash: await hashPassword(password),
        role,
        createdAt: now,
        updatedAt: now,
      });
    console.log(`${existing ? 'Updated' : 'Created'} merchant ${username} (${role}).`);
  } finally {
    await dataSource.destroy();
  }
}

class UsageError extends Error {}

function askHidden(question: string): Promise<string> {
  if (!stdin.isTTY) return Promise.reject(new UsageError('no terminal to ask for a password: set MERCHANT_PASSWORD'));
  const rl = createInterface({ input: stdin, output: stdout, terminal: true });
  const originalWrite = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (text: string) => {
    // Echo the prompt, not the characters typed.
    if (text.includes(question)) originalWrite.call(rl, text);
  };
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close();
      stdout.write('\n');
      resolve(answer);
    }),
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof UsageError ? error.message : error);
  process.exit(error instanceof UsageError ? 2 : 1);
});
