import { Command } from 'commander';
import { runGenerate, type GenerateCommandOptions } from '../generator/generate-command';
import { exportComplaints } from './export-complaints';
import { CliError, connectionFrom } from './gateway-client';
import { followQueueLog } from './follow-queue-log';
import { importCalendar, type ImportCalendarOptions } from './import-calendar';
import { importContactsFile } from './import-contacts';
import { importLms } from './import-lms';
import { importRoster } from './import-roster';
import { importSchedules } from './import-schedules';
import { importVolumes } from './import-volumes';
import { importForecast } from './import-forecast';
import { importSurveys } from './import-surveys';
import { importOutcomes } from './import-outcomes';
import { importCases } from './import-cases';
import { collect, developmentToken, ROLES, type TokenOptions } from './token';

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
  .command('lms <file>')
  .description('record exam results from an LMS export CSV (attempt_id, employee_no, exam, score, taken_on)')
  .option('--source <name>', 'which LMS the file comes from; attempt ids are unique per source (default LMS)')
  .option('--skip-invalid-rows', 'import the valid rows even when some rows are bad', false)
  .option('--dry-run', 'validate and report; write nothing', false)
  .action(async (file: string, options: { source?: string; skipInvalidRows: boolean; dryRun: boolean }) => {
    process.exitCode = await importLms(connectionFrom(program.opts()), file, options, (line) =>
      console.log(line),
    );
  });

importCommand
  .command('calendar')
  .description("add a year's public holidays and adjusted workdays to a center's business calendar (care)")
  .requiredOption('--center <code>', 'the center, by code')
  .option(
    '--cn <year>',
    "mainland China's holidays and adjusted workdays (调休) of the year, from chinese-days",
  )
  .option('--country <XX>', "a country's public holidays, from date-holidays (with --year)")
  .option('--region <code>', 'a state or region of --country')
  .option('--year <year>', 'the year, with --country')
  .option(
    '--time-zone <zone>',
    'for a center with no calendar yet (default Asia/Shanghai for --cn, else UTC)',
  )
  .option(
    '--hours <ranges>',
    'for a center with no calendar yet: Monday-Friday hours',
    '09:00-12:00,13:00-18:00',
  )
  .option('--workday-hours-of <weekday>', 'ISO weekday whose hours an adjusted workday works', '1')
  .action(async (options: ImportCalendarOptions) => {
    process.exitCode = await importCalendar(connectionFrom(program.opts()), options, (line) =>
      console.log(line),
    );
  });

importCommand
  .command('schedules <file>')
  .description('schedule agents from a WFM export CSV (employee_no, date, start, end, activity)')
  .option('--timezone <iana>', 'zone of the clock times (default UTC)')
  .option('--skip-invalid-rows', 'import the valid rows even when some rows are bad', false)
  .option('--dry-run', 'validate and report; write nothing', false)
  .action(async (file: string, options: { timezone?: string; skipInvalidRows: boolean; dryRun: boolean }) => {
    process.exitCode = await importSchedules(connectionFrom(program.opts()), file, options, (line) =>
      console.log(line),
    );
  });

importCommand
  .command('volumes <file>')
  .description('interval history from another WFM tool (queue, channel, interval_start, offered, aht)')
  .option('--interval-minutes <n>', 'length of the file’s intervals (divides 60; default 30)')
  .option('--skip-invalid-rows', 'import the valid rows even when some rows are bad', false)
  .option('--dry-run', 'validate and report; write nothing', false)
  .action(
    async (
      file: string,
      options: { intervalMinutes?: string; skipInvalidRows: boolean; dryRun: boolean },
    ) => {
      process.exitCode = await importVolumes(connectionFrom(program.opts()), file, options, (line) =>
        console.log(line),
      );
    },
  );

importCommand
  .command('forecast <file>')
  .description(
    'forecasts made in another WFM tool (queue, channel, interval_start, offered, aht, p10, p90, source)',
  )
  .option('--interval-minutes <n>', 'length of the file’s intervals (divides 60; default 30)')
  .option('--timezone <iana>', 'zone of the forecast days (default UTC)')
  .option('--skip-invalid-rows', 'import the valid rows even when some rows are bad', false)
  .option('--dry-run', 'validate and report; write nothing', false)
  .action(
    async (
      file: string,
      options: { intervalMinutes?: string; timezone?: string; skipInvalidRows: boolean; dryRun: boolean },
    ) => {
      process.exitCode = await importForecast(connectionFrom(program.opts()), file, options, (line) =>
        console.log(line),
      );
    },
  );

importCommand
  .command('contacts <file>')
  .description('stream a contact file (canonical CSV, NDJSON or Asterisk queue_log) into the traffic service')
  .option('--format <format>', 'csv | ndjson | queue_log (default: from the file name, else csv)')
  .option('--source <name>', 'source of rows that name none (queue_log: default "asterisk")')
  .option('--timezone <iana>', 'zone of timestamps without an offset (default UTC)')
  .action(async (file: string, options: { format?: string; source?: string; timezone?: string }) => {
    process.exitCode = await importContactsFile(connectionFrom(program.opts()), file, options, (line) =>
      console.log(line),
    );
  });

importCommand
  .command('surveys <file>')
  .description(
    "import a survey platform's export (CSV or NDJSON: invitation_id, form_code, form_revision, contact_source, contact_external_id, sent_at, status, answered_at, score, verbatim) into voc",
  )
  .requiredOption('--center <id>', 'the center the surveys are for')
  .option('--format <format>', 'csv | ndjson (default: from the file name, else csv)')
  .action(async (file: string, options: { center: string; format?: string }) => {
    process.exitCode = await importSurveys(connectionFrom(program.opts()), file, options, (line) =>
      console.log(line),
    );
  });

importCommand
  .command('outcomes <file>')
  .description(
    'import contact outcomes (CSV or NDJSON: source, external_id, seq, code, product_code, amount, currency, offer_made, eligible, recorded_by, recorded_at) into traffic',
  )
  .option('--format <format>', 'csv | ndjson (default: from the file name, else csv)')
  .action(async (file: string, options: { format?: string }) => {
    process.exitCode = await importOutcomes(connectionFrom(program.opts()), file, options, (line) =>
      console.log(line),
    );
  });

importCommand
  .command('cases <file>')
  .description(
    "import a CRM export's cases (CSV or NDJSON: crm_source, crm_case_id, contacts as source:externalId|..., type, category_code, title, priority, owner_agent_no, owner_team_id, department, center_id, status, opened_at, status_at, commitment_kind, commitment_due, commitment_channel) into care",
  )
  .option('--format <format>', 'csv | ndjson (default: from the file name, else csv)')
  .action(async (file: string, options: { format?: string }) => {
    process.exitCode = await importCases(connectionFrom(program.opts()), file, options, (line) =>
      console.log(line),
    );
  });

program
  .command('follow')
  .description('tail a live source into the live view')
  .command('queue_log <file>')
  .description(
    'tail a live Asterisk queue_log and send its calls and agent states as live events (survives rotation, truncation and restarts)',
  )
  .option('--source <name>', 'source of the contacts and agent states (default "asterisk")')
  .option(
    '--state <file>',
    'where the follower remembers the file and offset (default <file>.follow-state.json)',
  )
  .option('--rejected <file>', 'where lines set aside go (default <file>.rejected.ndjson)')
  .option('--poll <ms>', 'how often the file is checked', '500')
  .option('--idle-exit <ms>', 'stop after this long without new lines (default: follow until Ctrl-C)')
  .action(
    async (
      file: string,
      options: { source?: string; state?: string; rejected?: string; poll: string; idleExit?: string },
    ) => {
      process.exitCode = await followQueueLog(
        connectionFrom(program.opts()),
        file,
        {
          source: options.source,
          state: options.state,
          rejected: options.rejected,
          pollMs: Number(options.poll),
          idleExitMs: options.idleExit === undefined ? undefined : Number(options.idleExit),
        },
        (line) => console.log(line),
      );
    },
  );

program
  .command('generate')
  .description('write realistic, seeded contact files (CSV, NDJSON, queue_log), roster, LMS and QA records')
  .option('--contacts <n>', 'contacts to write', '100000')
  .option('--days <n>', 'days of traffic', '31')
  .option('--sites <n>', 'copies of the demo organisation (2 centers, 10 teams, 10 queues each)', '1')
  .option('--from <date>', 'first day (Asia/Shanghai)', '2026-10-01')
  .option('--seed <n>', 'random seed: the same seed writes the same bytes', '20261001')
  .option('--out <folder>', 'output folder', 'generated')
  .option(
    '--formats <list>',
    'csv, ndjson, queue_log, table (the contact table columns)',
    'csv,ndjson,queue_log',
  )
  .option('--no-people', 'contacts only: no roster, LMS attempts, QA evaluations')
  .action(async (options: GenerateCommandOptions) => {
    try {
      await runGenerate(options, (line) => console.log(line));
    } catch (error) {
      throw error instanceof Error && error.message.startsWith('--') ? new CliError(error.message) : error;
    }
  });

program
  .command('export')
  .description('export reports from the running platform')
  .command('complaints')
  .description("the month's complaint report (JR/T 0169-2018 codes, dates, customers masked) as CSV")
  .requiredOption('--month <YYYY-MM>', 'complaints received in this month (Asia/Shanghai)')
  .option('--out <file>', 'where to write it (default complaints-YYYY-MM.csv)')
  .action(async (options: { month: string; out?: string }) => {
    process.exitCode = await exportComplaints(connectionFrom(program.opts()), options, (line) =>
      console.log(line),
    );
  });

program
  .command('token')
  .description('print a signed development token for the gateway (embedded setup: the secret npm start made)')
  .requiredOption('--role <role>', `one of ${ROLES.join(', ')}; repeat for several`, collect, [])
  .option('--center <code>', 'a center the token may see (CENTER_MANAGER); repeat for several', collect, [])
  .option('--team <code>', 'a team the token may see (TEAM_LEAD); repeat for several', collect, [])
  .option('--agent <employeeNo>', 'the agent the token belongs to (AGENT)')
  .option('--subject <name>', 'the subject (sub) of the token (default: from the role and scopes)')
  .option('--expires <duration>', 'lifetime, at most 24h, e.g. 30m, 12h', '12h')
  .action(async (options: TokenOptions) => {
    console.log(await developmentToken(options));
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
