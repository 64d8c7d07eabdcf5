/**
 * The `oke-lokaal` command line: the same handlers as the screens, for
 * scripts and checks. Prints one clear line on failure and exits non-zero:
 * 1 when the operation failed, 2 when the command line itself is wrong.
 */
import { parseArgs } from 'node:util';
import { attendanceValues, type Attendance } from '../contract/api';
import { formatMessage, type Language, type MessageKey, type MessageParams } from '../contract/messages';
import { openVenue, type Venue } from '../app/venue';
import { createHandlers } from '../api/handlers';
import { toErrorBody } from '../api/invoke';
import { loadConfig } from '../config/config';
import { AppError } from '../errors';
import { createFileLogger, createQuietLogger, type Logger } from '../log/logger';
import { startWebHost } from '../host/web';
import { getOfferingView } from '../venue/view';
import { venueTimezone } from '../app/venue';
import { formatShowText } from './show-text';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

/** A command line that cannot run; the key selects the sentence for people. */
class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams,
  ) {
    super(key);
  }
}

const usage = `oke-lokaal <command> [options]

Commands:
  sync     --data-dir DIR --config FILE                 pull catalogue, enrolments and zittingsplan
  show     --data-dir DIR [--date YYYY-MM-DD] [--location CODE] [--json]
  attend   --data-dir DIR --offering ID --student NUMBER --attendance VALUE [--note TEXT]
           VALUE: ${attendanceValues.join(', ')}
  score    --data-dir DIR --offering ID --student NUMBER --score VALUE   result by the assessor
  close    --data-dir DIR --offering ID [--irregularities TEXT]
  deliver  --data-dir DIR --config FILE                 send queued results and session reports
  serve    --data-dir DIR --config FILE [--port N] [--json]   web host on 127.0.0.1
  help

Common options:
  --lang nl|en   language of messages (default nl, or OKE_LOKAAL_LANG)
  --json         print the result as JSON
  --verbose      also print warnings from the log to stderr
`;

const options = {
  'data-dir': { type: 'string' },
  config: { type: 'string' },
  date: { type: 'string' },
  location: { type: 'string' },
  offering: { type: 'string' },
  student: { type: 'string' },
  attendance: { type: 'string' },
  note: { type: 'string' },
  score: { type: 'string' },
  irregularities: { type: 'string' },
  port: { type: 'string' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

type RequiredOption = 'data-dir' | 'config' | 'offering' | 'student' | 'attendance' | 'score';

const commands = ['sync', 'show', 'attend', 'score', 'close', 'deliver', 'serve'] as const;
type Command = (typeof commands)[number];

const requiredOptions: Record<Command, RequiredOption[]> = {
  sync: ['data-dir', 'config'],
  show: ['data-dir'],
  attend: ['data-dir', 'offering', 'student', 'attendance'],
  score: ['data-dir', 'offering', 'student', 'score'],
  close: ['data-dir', 'offering'],
  deliver: ['data-dir', 'config'],
  serve: ['data-dir', 'config'],
};

function isCommand(name: string): name is Command {
  return (commands as readonly string[]).includes(name);
}

function required(values: Values, name: RequiredOption): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError('cli.required', { option: name });
  return value;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('cli.badPort', { value });
  return port;
}

/** Finds a candidate of a zitting by student number, as a surveillant reads it from a student card. */
function findCandidate(venue: Venue, offeringId: string, studentNumber: string) {
  const view = getOfferingView(venue.db, offeringId, venueTimezone(venue));
  const candidate = view.candidates.find((c) => c.studentNumber === studentNumber);
  if (!candidate) throw new AppError('student.notFound', { studentNumber, offeringId });
  return candidate;
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let language: Language = io.env.OKE_LOKAAL_LANG === 'en' ? 'en' : 'nl';
  const say = (key: MessageKey, params: MessageParams) => formatMessage(key, params, language);

  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(say('cli.usage', { problem: say('cli.badOption', { detail: (error as Error).message }) }));
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.lang === 'en' || values.lang === 'nl') language = values.lang;

  const command = positionals[0];
  if (!command || command === 'help' || values.help) {
    io.stdout(usage);
    return command || values.help ? 0 : 2;
  }
  if (!isCommand(command)) {
    io.stderr(say('cli.usage', { problem: say('cli.unknownCommand', { command }) }));
    return 2;
  }

  let log: Logger = createQuietLogger();
  let venue: Venue | null = null;
  try {
    for (const option of requiredOptions[command]) required(values, option);
    const dataDir = values['data-dir']!;
    const configFile = values.config;
    if (command === 'attend' && !(attendanceValues as readonly string[]).includes(values.attendance!)) {
      throw new UsageError('cli.badAttendance', { values: attendanceValues.join(', '), value: values.attendance! });
    }
    const port = parsePort(values.port);

    const config = configFile ? loadConfig(configFile, io.env) : null;
    log = createFileLogger(dataDir, { alsoStderr: values.verbose === true });
    venue = openVenue({ dataDir, config, log, command, language });
    const handlers = createHandlers(venue);
    log.info({ command }, 'command started');

    switch (command) {
      case 'sync': {
        const summary = await handlers.sync({});
        io.stdout(values.json ? JSON.stringify(summary) : say('cli.synced', { ...summary, warnings: summary.warnings.length }));
        if (!values.json) for (const warning of summary.warnings) io.stderr(warning);
        return 0;
      }

      case 'show': {
        const { offerings } = await handlers.listOfferings({ date: values.date, location: values.location });
        io.stdout(values.json ? JSON.stringify({ offerings }, null, 2) : formatShowText(offerings, language));
        return 0;
      }

      case 'attend': {
        const offeringId = values.offering!;
        const studentNumber = values.student!;
        const candidate = findCandidate(venue, offeringId, studentNumber);
        const attendance = values.attendance as Attendance;
        const updated = await handlers.registerAttendance({
          offeringId,
          associationId: candidate.associationId,
          attendance,
          note: values.note,
        });
        io.stdout(values.json ? JSON.stringify(updated) : say('cli.attended', { studentNumber, offeringId, attendance }));
        return 0;
      }

      case 'score': {
        const offeringId = values.offering!;
        const studentNumber = values.student!;
        const candidate = findCandidate(venue, offeringId, studentNumber);
        const updated = await handlers.recordResult({ offeringId, associationId: candidate.associationId, score: values.score! });
        const scored = updated.candidates.find((c) => c.associationId === candidate.associationId)!;
        io.stdout(values.json ? JSON.stringify(updated) : say('cli.scored', { studentNumber, offeringId, score: scored.score ?? '', pass: say(`pass.${scored.pass ?? 'unknown'}`, {}) }));
        return 0;
      }

      case 'close': {
        const offeringId = values.offering!;
        const view = await handlers.closeOffering({ offeringId, irregularities: values.irregularities });
        const queued = (await handlers.listOutbox({})).items.filter((item) => item.offeringId === offeringId && item.status === 'queued').length;
        io.stdout(values.json ? JSON.stringify(view) : say('cli.closed', { offeringId, queued }));
        return 0;
      }

      case 'deliver': {
        const summary = await handlers.deliver({});
        io.stdout(values.json ? JSON.stringify(summary) : say('cli.delivered', { delivered: summary.delivered, queued: summary.queued, rejected: summary.rejected }));
        if (summary.failures.length > 0) {
          for (const failure of summary.failures) io.stderr(failure.message);
          return 1;
        }
        return 0;
      }

      case 'serve': {
        const host = await startWebHost({ handlers, port, language, log });
        io.stdout(values.json ? JSON.stringify({ url: host.url, port: host.port }) : say('cli.serving', { url: host.url }));
        await waitForSignal();
        await host.close();
        return 0;
      }
    }
    // Not reached: the switch covers every command, but TypeScript needs a final return.
    return 2;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(say('cli.usage', { problem: say(error.key, error.params) }));
      return 2;
    }
    io.stderr(toErrorBody(error, language, log, { command }).message);
    return 1;
  } finally {
    venue?.close();
  }
}
