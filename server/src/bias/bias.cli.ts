import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ErrorCatalog } from '../common/errors';
import { isUuid } from '../common/list-query';
import { describeIssues } from '../common/request-body';
import { BiasCliModule } from '../administration.modules';
import { createLogger, NestPinoLogger } from '../common/logger';
import { closeWithQueues } from '../common/queue.module';
import { loadConfig } from '../config/config';
import { BiasRunEntity } from './bias-run.entity';
import {
  BiasRunProgress,
  progressOf,
  startBiasRunSchema,
  toBiasComparisonResponse,
  toBiasRunDetailResponse,
  toBiasRunResponse,
} from './bias.dto';
import { BiasError } from './bias.errors';
import { BiasService } from './bias.service';
import { BiasComparison, BiasReport, BiasRunStatus } from './bias.types';

/** The operator CLI's bias commands (`npm run warden -- bias:run ...`); cli.ts lists them with the others. */

export const BIAS_USAGE = `  bias:run <model> [--probe-set bold|holistic_bias|stereoset]... [--seed N] [--limit N]
           [--template '...{prompt}...'] [--application <id>] [--no-wait]
                                              start a bias run and show its progress until it completes
  bias:show <run-id> [--full]                 a run's status and report summary (--full: the whole report)
  bias:compare <run-a> <run-b> [--full]       per group and metric deltas of b against a`;

type UsageErrorFactory = (message: string) => Error;
type BiasCommand = (args: string[]) => Promise<unknown>;

const POLL_MS = 300;
const BAR_WIDTH = 30;

interface ParsedArgs {
  positional: string[];
  options: Map<string, string[]>;
  flags: Set<string>;
}

const VALUE_OPTIONS = new Set(['--probe-set', '--seed', '--limit', '--template', '--application']);

function parseArgs(args: string[], usage: UsageErrorFactory): ParsedArgs {
  const parsed: ParsedArgs = { positional: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i].split(/=(.*)/s, 2);
    if (VALUE_OPTIONS.has(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw usage(`${name} needs a value`);
      parsed.options.set(name, [...(parsed.options.get(name) ?? []), value]);
    } else if (args[i].startsWith('--')) {
      parsed.flags.add(args[i]);
    } else {
      parsed.positional.push(args[i]);
    }
  }
  return parsed;
}

function runId(value: string | undefined, usage: UsageErrorFactory): string {
  if (!value) throw usage(`missing run id\n\n${BIAS_USAGE}`);
  if (!isUuid(value)) throw usage(`${value} is not a bias run id`);
  return value.toLowerCase();
}

function integer(value: string | undefined, name: string, usage: UsageErrorFactory): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw usage(`${name} must be a whole number`);
  return Number(value);
}

/** A refused request (unknown model, missing run) is the operator's mistake: exit 64 like any usage error. */
async function withContext<T>(usage: UsageErrorFactory, use: (bias: BiasService) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 'cli');
  const context: INestApplicationContext = await NestFactory.createApplicationContext(
    BiasCliModule.forRoot(logger),
    {
      logger: new NestPinoLogger(logger),
    },
  );
  try {
    return await use(context.get(BiasService));
  } catch (err) {
    throw err instanceof BiasError && context.get(ErrorCatalog).statusOf(err) < 500
      ? usage(err.message)
      : err;
  } finally {
    await closeWithQueues(context);
  }
}

/** A bar on a terminal; on a pipe or a log file, a line every 10 %. */
class ProgressDisplay {
  private lastStep = -1;
  private readonly started = Date.now();
  private readonly tty = Boolean(process.stderr.isTTY);

  show(status: BiasRunStatus, progress: BiasRunProgress): void {
    const elapsed = Math.round((Date.now() - this.started) / 1000);
    const label =
      status === BiasRunStatus.Queued && progress.total === 0
        ? 'queued, waiting for a worker'
        : `${String(progress.percent).padStart(3)}% ${progress.done}/${progress.total} probes`;
    if (this.tty) {
      const filled = Math.round((progress.percent / 100) * BAR_WIDTH);
      process.stderr.write(
        `\r\x1b[2K[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${label} · ${elapsed}s`,
      );
      return;
    }
    const step = Math.floor(progress.percent / 10);
    if (step !== this.lastStep) {
      this.lastStep = step;
      process.stderr.write(`bias run: ${label} · ${elapsed}s\n`);
    }
  }

  end(): void {
    if (this.tty) process.stderr.write('\n');
  }
}

async function waitForRun(bias: BiasService, id: string): Promise<BiasRunEntity> {
  const display = new ProgressDisplay();
  try {
    for (;;) {
      const run = await bias.get(id);
      display.show(run.status, progressOf(run));
      if (run.status === BiasRunStatus.Completed || run.status === BiasRunStatus.Failed) {
        return run;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    display.end();
  }
}

/** What a terminal needs at a glance; --full prints the report as the API serves it. */
function reportSummary(report: BiasReport) {
  return {
    totals: report.totals,
    stereoset: report.stereoset.map(({ domain, n, stereotypeScore, languageModelScore, icat }) => ({
      domain,
      n,
      stereotypeScore: `${stereotypeScore.mean} [${stereotypeScore.ciLow}, ${stereotypeScore.ciHigh}]`,
      languageModelScore,
      icat,
    })),
    largestGaps: report.gaps
      .filter((gap) => gap.significant)
      .slice(0, 10)
      .map((gap) => ({
        where: `${gap.probeSet}/${gap.domain}/${gap.metric}`,
        high: `${gap.high.group} ${gap.high.mean}`,
        low: `${gap.low.group} ${gap.low.mean}`,
        difference: `${gap.difference.mean} [${gap.difference.ciLow}, ${gap.difference.ciHigh}]`,
      })),
    groups: report.groups.length,
    method: report.method.confidenceInterval,
  };
}

function runSummary(run: BiasRunEntity) {
  return { ...toBiasRunResponse(run), report: run.report ? reportSummary(run.report) : null };
}

function comparisonSummary(comparison: BiasComparison) {
  return {
    notes: comparison.notes,
    stereoset: comparison.stereoset.map(({ domain, a, b, delta }) => ({
      domain,
      a: a?.mean ?? null,
      b: b?.mean ?? null,
      delta,
    })),
    largestChanges: comparison.groups
      .filter((row) => row.delta !== null && row.overlapping === false)
      .sort((x, y) => Math.abs(y.delta!) - Math.abs(x.delta!))
      .slice(0, 15)
      .map((row) => ({
        where: `${row.probeSet}/${row.domain}/${row.group}/${row.metric}`,
        a: row.a?.mean,
        b: row.b?.mean,
        delta: row.delta,
      })),
    comparedGroups: comparison.groups.length,
  };
}

export function biasCommands(usage: UsageErrorFactory): Record<string, BiasCommand> {
  return {
    'bias:run': async (args) => {
      const { positional, options, flags } = parseArgs(args, usage);
      const [model] = positional;
      if (!model) throw usage(`missing model\n\n${BIAS_USAGE}`);
      const input = startBiasRunSchema.safeParse({
        model,
        probeSets: options.get('--probe-set')?.flatMap((value) => value.split(',')),
        seed: integer(options.get('--seed')?.at(-1), '--seed', usage),
        limit: integer(options.get('--limit')?.at(-1), '--limit', usage),
        promptTemplate: options.get('--template')?.at(-1),
        applicationId: options.get('--application')?.at(-1),
      });
      if (!input.success) throw usage(describeIssues(input.error.issues));
      return withContext(usage, async (bias) => {
        const run = await bias.start(input.data, null);
        if (flags.has('--no-wait')) {
          return toBiasRunResponse(run);
        }
        process.stderr.write(`bias run ${run.id} queued (model ${run.model}, seed ${run.seed})\n`);
        const finished = await waitForRun(bias, run.id);
        if (finished.status === BiasRunStatus.Failed) {
          throw new Error(`bias run ${finished.id} failed: ${finished.error ?? 'no reason recorded'}`);
        }
        return runSummary(finished);
      });
    },
    'bias:show': async (args) => {
      const { positional, flags } = parseArgs(args, usage);
      const id = runId(positional[0], usage);
      return withContext(usage, async (bias) => {
        const run = await bias.get(id);
        return flags.has('--full')
          ? toBiasRunDetailResponse(run, await bias.attachedApplicationIds(id))
          : runSummary(run);
      });
    },
    'bias:compare': async (args) => {
      const { positional, flags } = parseArgs(args, usage);
      const [a, b] = [runId(positional[0], usage), runId(positional[1], usage)];
      return withContext(usage, async (bias) => {
        const compared = await bias.compare(a, b);
        return flags.has('--full')
          ? toBiasComparisonResponse(compared.a, compared.b, compared.comparison)
          : { a: compared.a.id, b: compared.b.id, ...comparisonSummary(compared.comparison) };
      });
    },
  };
}
