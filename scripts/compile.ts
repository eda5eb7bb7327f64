/**
 * Compile an issue file to one export format on stdout.
 *
 *   npm run compile -- FILE [--format md|html|txt|json] [--issue N] [--template PATH]
 *
 * FILE is an issue file (like examples/sre-weekly-90/issue.json) or a
 * Linkletter backup; from a backup, --issue N compiles sent issue N with the
 * templates it was sent with, and the draft uses the curator's templates.
 * Either way the newsletter's issue fields, partials and HTML style map
 * are the file's own.
 * Errors go to stderr as one line; the exit code is 1 for a file that cannot
 * be compiled and 2 for wrong arguments.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { type Capture, draftIssueCaptures, normalizeCapture } from "../src/core/capture.ts";
import { compileIssue } from "../src/core/issue.ts";
import type { IssueMeta, Newsletter } from "../src/core/newsletter.ts";
import { type Format, isFormat, renderIssue, renderOptions } from "../src/core/render/index.ts";
import { readLinkletterFile } from "../src/core/schema/read-file.ts";

const USAGE = "usage: npm run compile -- FILE [--format md|html|txt|json] [--issue N] [--template PATH]";

/** A wrong command line: exit code 2. */
class UsageError extends Error {}

/** One issue, ready to compile: what any kind of input file gives the compiler. */
interface IssueInput {
	newsletter: Newsletter;
	meta: IssueMeta;
	captures: Capture[];
	/** The curator's templates by format, when the file keeps them. */
	templates: Partial<Record<Format, string>>;
	/** For a sent issue, each format exactly as it went out. */
	outputs?: Partial<Record<Format, string>> | undefined;
}

/**
 * The issue a file gives the compiler. Backups and issue files are told
 * apart and checked by readLinkletterFile, the same function the options
 * page uses, so both accept and refuse the same files with the same words.
 * From a backup: the draft when no issue number is asked for (or the
 * draft's own number is), else sent issue N.
 */
function select(text: string, issue: number | undefined): IssueInput {
	const file = readLinkletterFile(text);
	if (file.kind === "backup") {
		const { backup } = file;
		if (issue === undefined || issue === backup.draft.number) {
			const captures = draftIssueCaptures(backup.captures);
			return { newsletter: backup.newsletter, meta: backup.draft, captures, templates: backup.templates };
		}
		const sent = backup.issues.find((candidate) => candidate.number === issue);
		if (!sent) {
			const numbers = [backup.draft.number, ...backup.issues.map((candidate) => candidate.number)].join(", ");
			throw new Error(`issue ${issue} is not in this backup (it holds ${numbers})`);
		}
		return {
			newsletter: sent.newsletter,
			meta: sent.meta,
			captures: sent.captures,
			templates: sent.templates,
			outputs: sent.outputs,
		};
	}
	const { newsletter, meta, captures } = file.issue;
	if (issue !== undefined && issue !== meta.number) {
		throw new Error(`issue ${issue} is not in this file (it holds issue ${meta.number})`);
	}
	// Ids, times and positions follow the file's order, so the output is the same on every run.
	const normal = captures.map((capture, index) =>
		normalizeCapture({ position: index, ...capture }, { id: `capture-${index + 1}`, now: index }),
	);
	return { newsletter, meta, captures: normal, templates: {} };
}

interface Options {
	file: string;
	format: Format;
	issue: number | undefined;
	template: string | undefined;
}

function parseArgs(args: string[]): Options | "help" {
	let file: string | undefined;
	let format: Format = "md";
	let issue: number | undefined;
	let template: string | undefined;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i] as string;
		const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
		const value = () => {
			const next = inline ?? args[++i];
			if (next === undefined || next === "") throw new UsageError(`${flag} needs a value`);
			return next;
		};
		if (flag === "--help" || flag === "-h") return "help";
		if (flag === "--format") {
			const name = value();
			if (!isFormat(name)) throw new UsageError(`unknown format "${name}": use md, html, txt or json`);
			format = name;
		} else if (flag === "--issue") {
			const text = value();
			if (!/^[1-9]\d*$/.test(text)) throw new UsageError(`--issue expects an issue number, got "${text}"`);
			issue = Number(text);
		} else if (flag === "--template") {
			template = value();
		} else if (flag?.startsWith("-")) {
			throw new UsageError(`unknown option ${flag}`);
		} else if (file === undefined) {
			file = arg;
		} else {
			throw new UsageError(`one FILE only, got "${file}" and "${arg}"`);
		}
	}
	if (file === undefined) throw new UsageError("FILE is missing");
	return { file, format, issue, template };
}

function readText(path: string, what: string): string {
	try {
		return readFileSync(path, "utf8");
	} catch (error) {
		const code = (error as { code?: string }).code;
		throw new Error(code === "ENOENT" ? `${what} not found: ${path}` : `cannot read ${what} ${path}: ${code ?? error}`);
	}
}

function compile(options: Options): string {
	const text = readText(options.file, "file");
	const { newsletter, meta, captures, templates, outputs } = select(text, options.issue);
	// A sent issue prints exactly what went out, unless a template is asked for explicitly.
	const frozen = options.template === undefined ? outputs?.[options.format] : undefined;
	if (frozen !== undefined) return frozen;
	const issue = compileIssue(captures, newsletter, meta);
	const template = options.template === undefined ? templates[options.format] : readText(options.template, "template");
	// The newsletter's partials and HTML style map come with it (a sent issue's, as frozen when sent).
	return renderIssue(issue, options.format, template, renderOptions(newsletter));
}

function oneLine(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return message.replace(/\s*\n\s*/g, " ");
}

/** Where the CLI writes: the process's streams, or a test's buffers. */
export interface Output {
	stdout(text: string): void;
	stderr(text: string): void;
}

const PROCESS_OUTPUT: Output = {
	stdout: (text) => process.stdout.write(text),
	stderr: (text) => process.stderr.write(text),
};

/** Run the CLI on its arguments; returns the exit code. */
export function main(args: string[], output: Output = PROCESS_OUTPUT): number {
	let options: Options | "help";
	try {
		options = parseArgs(args);
	} catch (error) {
		output.stderr(`compile: ${oneLine(error)} (${USAGE})\n`);
		return 2;
	}
	if (options === "help") {
		output.stdout(`${USAGE}\n`);
		return 0;
	}
	try {
		output.stdout(compile(options));
		return 0;
	} catch (error) {
		output.stderr(`compile: ${options.file}: ${oneLine(error)}\n`);
		return 1;
	}
}

// Run only as a script (npm run compile), not when a test imports main.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	process.exitCode = main(process.argv.slice(2));
}
