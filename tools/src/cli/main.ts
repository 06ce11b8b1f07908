import { Command } from 'commander';
import { CliError, connectionFrom } from './gateway-client';
import { importContactsFile } from './import-contacts';
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

importCommand
  .command('contacts <file>')
  .description('stream a contact file (canonical CSV, NDJSON or Asterisk queue_log) into the traffic service')
  .option('--format <format>', 'csv | ndjson | queue_log (default: from the file name, else csv)')
  .option('--source <name>', 'source of rows that name none (queue_log: default "asterisk")')
  .option('--timezone <iana>', 'zone of timestamps without an offset (default UTC)')
  .option(
    '--traffic <url>',
    'traffic service URL (default $SWITCHBOARD_TRAFFIC_URL or http://localhost:4004)',
  )
  .action(
    async (
      file: string,
      options: { format?: string; source?: string; timezone?: string; traffic?: string },
    ) => {
      process.exitCode = await importContactsFile(file, options, (line) => console.log(line));
    },
  );

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CliError) {
    console.error(`switchboard: ${error.message}`);
    process.exitCode = 2;
    return;
  }
  console.error(error);
  process.exitCode = 3;
});
