import { parseAst } from "vite";

/*
 * Architecture checks that read source as a syntax tree (Vite's TypeScript
 * parser), so strings, comments and property names never cause a false hit.
 * TypeScript 7's compiler API runs as a separate native process; Vite's
 * in-process parser gives the same tree for this purpose, synchronously.
 */

// ESTree nodes as plain objects: a `type`, offsets, and child nodes under named keys.
type Node = { type: string; start: number; end: number; [key: string]: unknown };

export interface Finding {
	rule: string;
	line: number;
	text: string;
}

interface Context {
	source: string;
	filename: string;
	findings: Finding[];
	/** Every name the file binds itself (imports, variables, parameters, functions, classes). */
	declared: Set<string>;
}

/** One rule, called for every node with its parent and the key it sits under. */
export type Rule = (
	node: Node,
	parent: Node | undefined,
	key: string,
	report: (rule: string, at: Node) => void,
) => void;

const isNode = (value: unknown): value is Node =>
	typeof value === "object" && value !== null && typeof (value as Node).type === "string";

function children(node: Node): Array<[string, Node]> {
	const out: Array<[string, Node]> = [];
	for (const [key, value] of Object.entries(node)) {
		if (Array.isArray(value)) for (const item of value) isNode(item) && out.push([key, item]);
		else if (isNode(value)) out.push([key, value]);
	}
	return out;
}

// TypeScript nodes that hold a runtime expression; every other TS node is a type and never runs.
const TS_EXPRESSIONS = new Set([
	"TSAsExpression",
	"TSSatisfiesExpression",
	"TSNonNullExpression",
	"TSTypeAssertion",
	"TSInstantiationExpression",
	"TSEnumDeclaration",
	"TSEnumMember",
	"TSEnumBody",
	"TSExportAssignment",
	"TSParameterProperty",
]);
const TYPE_KEYS = new Set(["typeAnnotation", "typeArguments", "typeParameters", "returnType", "superTypeArguments"]);

function walk(node: Node, visit: (node: Node, parent: Node | undefined, key: string) => void): void {
	const go = (n: Node, parent: Node | undefined, key: string) => {
		if (n.type.startsWith("TS") && !TS_EXPRESSIONS.has(n.type)) return;
		visit(n, parent, key);
		for (const [k, child] of children(n)) if (!TYPE_KEYS.has(k)) go(child, n, k);
	};
	go(node, undefined, "");
}

function bindingNames(pattern: unknown, into: Set<string>): void {
	if (!isNode(pattern)) return;
	if (pattern.type === "Identifier") into.add(pattern.name as string);
	else if (pattern.type === "ObjectPattern")
		for (const p of pattern.properties as Node[]) bindingNames(p.value ?? p.argument, into);
	else if (pattern.type === "ArrayPattern") for (const p of pattern.elements as unknown[]) bindingNames(p, into);
	else if (pattern.type === "AssignmentPattern") bindingNames(pattern.left, into);
	else if (pattern.type === "RestElement") bindingNames(pattern.argument, into);
	else if (pattern.type === "TSParameterProperty") bindingNames(pattern.parameter, into);
}

function declaredNames(program: Node): Set<string> {
	const names = new Set<string>();
	walk(program, (node) => {
		if (node.type === "VariableDeclarator") bindingNames(node.id, names);
		else if (/Function/.test(node.type)) {
			bindingNames(node.id, names);
			for (const param of (node.params as Node[]) ?? []) bindingNames(param, names);
		} else if (node.type === "ClassDeclaration" || node.type === "ClassExpression") bindingNames(node.id, names);
		else if (node.type === "CatchClause") bindingNames(node.param, names);
		else if (/^Import(Default|Namespace)?Specifier$/.test(node.type)) bindingNames(node.local, names);
	});
	return names;
}

/** Whether an Identifier is read as a variable (not a property name, label or import/export name). */
function isReference(parent: Node | undefined, key: string): boolean {
	if (!parent) return true;
	if (parent.type === "MemberExpression" && key === "property" && !parent.computed) return false;
	if (/^(Property|PropertyDefinition|MethodDefinition|AccessorProperty)$/.test(parent.type) && key === "key") {
		return Boolean(parent.computed);
	}
	if (/Specifier$/.test(parent.type) || /Statement$/.test(parent.type)) return key !== "label";
	if (parent.type === "LabeledStatement") return key !== "label";
	return true;
}

/** `a.b.c` as a dotted name, or undefined when the expression is not a plain chain of names. */
function dotted(node: unknown): string | undefined {
	if (!isNode(node)) return undefined;
	if (node.type === "Identifier") return node.name as string;
	if (node.type === "MemberExpression" && !node.computed) {
		const object = dotted(node.object);
		const property = isNode(node.property) ? (node.property.name as string | undefined) : undefined;
		return object && property ? `${object}.${property}` : undefined;
	}
	if (node.type === "ChainExpression" || node.type === "ParenthesizedExpression") return dotted(node.expression);
	return undefined;
}

/** Run rules over one file's source text; the findings, in source order. */
export function checkSource(source: string, rules: readonly Rule[], filename = "input.ts"): Finding[] {
	const program = parseAst(source, { lang: filename.endsWith(".tsx") ? "tsx" : "ts" }) as unknown as Node;
	const ctx: Context = { source, filename, findings: [], declared: declaredNames(program) };
	const report = (rule: string, at: Node) => {
		const line = source.slice(0, at.start).split("\n").length;
		ctx.findings.push({ rule, line, text: source.slice(at.start, Math.min(at.end, at.start + 60)) });
	};
	const bound = rules.map((rule) => rule.bind(ctx));
	walk(program, (node, parent, key) => {
		for (const rule of bound) rule(node, parent, key, report);
	});
	// Rules that look at the file as a whole are flagged on the Program node.
	return ctx.findings.sort((a, b) => a.line - b.line);
}

/** A module specifier matching `pattern` in an import or re-export. */
export function forbidImport(pattern: RegExp): Rule {
	return (node, _parent, _key, report) => {
		if (!/^(ImportDeclaration|ExportNamedDeclaration|ExportAllDeclaration)$/.test(node.type)) return;
		const source = node.source as Node | null | undefined;
		if (source && typeof source.value === "string" && pattern.test(source.value))
			report(`import ${source.value}`, node);
	};
}

/** `import("…")` loads code at run time, out of sight of the bundle and of these checks. */
export const noDynamicImport: Rule = (node, _parent, _key, report) => {
	if (node.type === "ImportExpression") report("dynamic import()", node);
};

/** A global read by name (`self`, `performance`…), unless the file binds that name itself. */
export function forbidGlobals(names: readonly string[]): Rule {
	const forbidden = new Set(names);
	return function (this: Context, node, parent, key, report) {
		if (node.type !== "Identifier" || !forbidden.has(node.name as string)) return;
		if (!isReference(parent, key) || this.declared.has(node.name as string)) return;
		report(`global ${node.name as string}`, node);
	};
}

/** A call (or `new`) of one of these dotted names: "Date.now", "Math.random", "Date". */
export function forbidCalls(names: readonly string[]): Rule {
	const forbidden = new Set(names);
	return function (this: Context, node, _parent, _key, report) {
		if (node.type !== "CallExpression" && node.type !== "NewExpression") return;
		const name = dotted(node.callee);
		if (!name || !forbidden.has(name) || this.declared.has(name.split(".")[0] as string)) return;
		report(node.type === "NewExpression" ? `new ${name}` : `${name}()`, node);
	};
}

// Calls that build a constant and do nothing else; allowed in a top-level initialiser.
const CONSTANT_BUILDERS = new Set([
	"Set",
	"Map",
	"WeakMap",
	"WeakSet",
	"RegExp",
	"Symbol",
	"Symbol.for",
	"Object.freeze",
	"Object.fromEntries",
	"Object.entries",
	"Object.keys",
	"Object.values",
	"Array.from",
	"String.raw",
]);

const FUNCTION_NODES = /^(ArrowFunctionExpression|FunctionExpression|FunctionDeclaration)$/;

/** Calls in `node` that run when it is evaluated (not those inside functions it defines). */
function executedCalls(node: Node): Node[] {
	const calls: Node[] = [];
	const go = (n: Node) => {
		if (FUNCTION_NODES.test(n.type) || (n.type.startsWith("TS") && !TS_EXPRESSIONS.has(n.type))) return;
		if (n.type === "MethodDefinition") return;
		// Only static members and static blocks of a class run when the class is defined.
		if ((n.type === "PropertyDefinition" || n.type === "AccessorProperty") && !n.static) return;
		if (n.type === "CallExpression" || n.type === "NewExpression" || n.type === "ImportExpression") calls.push(n);
		if (n.type === "TaggedTemplateExpression" && dotted(n.tag) !== "String.raw") calls.push(n);
		for (const [key, child] of children(n)) if (!TYPE_KEYS.has(key)) go(child);
	};
	go(node);
	return calls;
}

/**
 * Nothing runs at import time: a module's top level only declares. A call in
 * a top-level initialiser or statement is flagged unless it builds a constant
 * (`new Set([...])`, `Object.freeze(...)`, `Symbol(...)`, and array methods on
 * a literal array such as `[...].map(...)`).
 */
export const noTopLevelCalls: Rule = function (this: Context, node, _parent, _key, report) {
	if (node.type !== "Program") return;
	const builders = schemaBuilders(node, this.filename);
	for (let statement of node.body as Node[]) {
		if (/^Export(Named|Default)Declaration$/.test(statement.type) && isNode(statement.declaration)) {
			statement = statement.declaration;
		}
		if (/^(Import|ExportAll|ExportNamed)Declaration$/.test(statement.type)) continue;
		for (const call of executedCalls(statement)) {
			const callee = call.type === "TaggedTemplateExpression" ? call.tag : call.callee;
			const name = dotted(callee);
			if (call.type !== "ImportExpression" && name && CONSTANT_BUILDERS.has(name)) continue;
			if (isArrayLiteralMethod(callee)) continue;
			if (call.type !== "ImportExpression" && name && builders.has(name.split(".")[0] as string)) continue;
			report(`top-level call ${name ?? "(expression)"}`, call);
		}
	}
};

/** Module specifiers whose exports only describe a shape: valibot, and our own schema modules. */
const SCHEMA_SOURCES = /^valibot$|(^|\/)schema\/[\w-]+\.ts$/;
const SCHEMA_FILE = /(^|\/)src\/core\/schema\/[\w-]+\.ts$/;

/**
 * Names whose calls build a schema: bindings imported from valibot or from
 * src/core/schema, and, inside src/core/schema itself, the module's own
 * helpers. A schema builder returns a plain description of a shape and runs
 * nothing (no I/O, no clock), so `const capture = v.object({...})` at top
 * level is a declaration, as STYLE.md's "one schema per shape" intends.
 */
function schemaBuilders(program: Node, filename: string): Set<string> {
	const names = new Set<string>();
	for (const statement of program.body as Node[]) {
		const from = statement.type === "ImportDeclaration" ? String((statement.source as Node).value) : "";
		if (SCHEMA_SOURCES.test(from) || (SCHEMA_FILE.test(filename) && /^\.\/[\w-]+\.ts$/.test(from))) {
			for (const spec of statement.specifiers as Node[]) names.add((spec.local as Node).name as string);
		}
		const declaration = statement.type === "ExportNamedDeclaration" ? (statement.declaration as Node) : statement;
		if (SCHEMA_FILE.test(filename) && isNode(declaration) && declaration.type === "FunctionDeclaration") {
			names.add((declaration.id as Node).name as string);
		}
	}
	return names;
}

const ARRAY_METHODS = new Set(["map", "filter", "flatMap", "join", "concat", "slice", "sort", "reverse", "includes"]);

/** `[...].map(...)`, `[...].join(...)`: a pure transformation of literal data. */
function isArrayLiteralMethod(callee: unknown): boolean {
	if (!isNode(callee) || callee.type !== "MemberExpression" || callee.computed) return false;
	const property = isNode(callee.property) ? (callee.property.name as string) : "";
	let object = callee.object as Node;
	while (object.type === "CallExpression" && isNode(object.callee) && object.callee.type === "MemberExpression") {
		object = object.callee.object as Node;
	}
	return ARRAY_METHODS.has(property) && object.type === "ArrayExpression";
}

/** Findings as `file:line rule (text)` lines, for a readable failure. */
export function describeFindings(file: string, findings: readonly Finding[]): string[] {
	return findings.map((f) => `${file}:${f.line} ${f.rule}  (${f.text.split("\n")[0]})`);
}
