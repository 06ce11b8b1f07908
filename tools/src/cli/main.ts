import { Command } from 'commander';
import { CliError, connectionFrom } from './gateway-client';
import { importRoster } from './import-roster';

/** `switchboard`: the command line of the platform (DESIGN.md, public contract). */
const program = new Command('switchboard')
  .description('Switchboard: operations platform for bank call centers')
  .option(
    '--gateway <url>',
    'gateway URL (default $SWITCHBOARD_GATEWAY_URL or http://localhost:4000/graphql)',
  )
  .option('--token <token>', 'bearer token (default $SWITCHBOARD_TOKEN)')
  .showHelpAfterError();

const importCommand = program.command('import').description('import data files into the running platform');

importCommand
  .command('roster <file>')
  .description('create and update agents from a roster CSV (see README for the columns)')
  .option('--skip-invalid-rows', 'import the valid rows even when some rows are bad', false)
  .option('--dry-run', 'validate and report; write nothing', false)
  .action(async (file: string, options: { skipInvalidRows: boolean; dryRun: boolean }) => {
    const code = await importRoster(connectionFrom(program.opts()), file, options, (line) =>
      console.log(line),
    );
    process.exitCode = code;
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CliError) {
    console.error(`switchboard: ${error.message}`);
    process.exitCode = 2;
    return;
  }
  console.error(error);
  process.exitCode = 3;
});
