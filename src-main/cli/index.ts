import { Command } from 'commander';
import { APP_VERSION } from '../app/version';
import { cliErrorMessage } from './common';
import { registerCommands } from './registry';

const program = new Command()
  .name('biotrain')
  .description('Biotrain: build, review and export a bioinformatics workflow fine-tuning dataset')
  .version(APP_VERSION)
  .showHelpAfterError()
  .configureHelp({ sortSubcommands: true });

registerCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`biotrain: ${cliErrorMessage(err)}\n`);
  process.exit(1);
});
