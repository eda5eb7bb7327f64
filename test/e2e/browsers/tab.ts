import type { NativeTab, Role, Tab } from "./session.ts";

type Query =
	| { kind: "label"; label: string }
	| { kind: "role"; role: Role; name?: string; source?: string; flags?: string; all?: boolean };

/**
 * Runs in the page: find elements the way a screen reader names them, mark
 * the first with a token so the driver can act on it natively, and return
 * what the caller asked about. Self-contained: it is serialised into the page.
 */
function locateInPage(q: Query & { token: string; want: "mark" | "value" | "text" | "count" }): string | number | null {
	const squash = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();
	const visible = (el: Element) => (el as HTMLElement).getClientRects().length > 0;
	const byIds = (ids: string) =>
		squash(
			ids
				.split(/\s+/)
				.map((id) => document.getElementById(id)?.textContent ?? "")
				.join(" "),
		);
	const nameOf = (el: Element): string => {
		const labelled = el.getAttribute("aria-labelledby");
		if (labelled) return byIds(labelled);
		const aria = el.getAttribute("aria-label");
		if (aria) return squash(aria);
		if (el instanceof HTMLInputElement && ["button", "submit"].includes(el.type)) return squash(el.value);
		return squash((el as HTMLElement).innerText ?? el.textContent);
	};
	const roleSelectors: Record<string, string> = {
		button: "button, summary, input[type=button], input[type=submit], [role=button]",
		link: "a[href], [role=link]",
		tab: "[role=tab]",
		heading: "h1, h2, h3, h4, h5, h6, [role=heading]",
		article: "article, [role=article]",
		status: "[role=status], output",
		alert: "[role=alert]",
		checkbox: "input[type=checkbox], [role=checkbox]",
	};
	let found: Element[];
	if (q.kind === "label") {
		const controls = [...document.querySelectorAll("input, textarea, select, [contenteditable=true]")];
		found = controls.filter((el) => {
			const names = [el.getAttribute("aria-label") ?? ""];
			const labelled = el.getAttribute("aria-labelledby");
			if (labelled) names.push(byIds(labelled));
			for (const label of (el as HTMLInputElement).labels ?? []) {
				// A label's own text, without the text of controls nested in it.
				const copy = label.cloneNode(true) as HTMLElement;
				for (const nested of copy.querySelectorAll("input, textarea, select, small, .hint")) nested.remove();
				names.push(copy.textContent ?? "");
			}
			return names.some((n) => squash(n) === q.label);
		});
	} else {
		const matches = (name: string) =>
			q.source !== undefined ? new RegExp(q.source, q.flags).test(name) : q.name === undefined || name === q.name;
		found = [...document.querySelectorAll(roleSelectors[q.role] ?? q.role)].filter(
			(el) => (q.want === "text" || visible(el)) && matches(nameOf(el)),
		);
	}
	if (q.want === "count") return found.length;
	if (q.want === "text") return found.map((el) => (el as HTMLElement).innerText ?? el.textContent).join("\n");
	const first = found[0];
	if (!first) return null;
	if (q.want === "value") {
		if (first instanceof HTMLInputElement || first instanceof HTMLTextAreaElement || first instanceof HTMLSelectElement)
			return first.value;
		return (first as HTMLElement).innerText;
	}
	first.setAttribute("data-e2e", q.token);
	first.scrollIntoView({ block: "center" });
	return `[data-e2e="${q.token}"]`;
}

let tokens = 0;

function roleQuery(role: Role, name: string | RegExp): Query {
	return typeof name === "string"
		? { kind: "role", role, name }
		: { kind: "role", role, source: name.source, flags: name.flags };
}

/** Poll `probe` until it gives a non-null answer, or fail with `what`. */
async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 10_000): Promise<T> {
	const end = Date.now() + timeoutMs;
	for (;;) {
		const got = await probe().catch(() => null);
		if (got !== null) return got;
		if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

/** The shared Tab over one browser's native page. */
export function wrapTab(native: NativeTab): Tab {
	const ask = (q: Query, want: "mark" | "value" | "text" | "count") =>
		native.evaluate(locateInPage, { ...q, token: `t${++tokens}`, want });
	const mark = (q: Query, what: string) => until(what, async () => (await ask(q, "mark")) as string | null);
	const label = (l: string): Query => ({ kind: "label", label: l });
	return {
		native,
		url: () => native.url(),
		evaluate: (fn, arg) => native.evaluate(fn, arg),
		async value(l) {
			return until(`a control labelled “${l}”`, async () => (await ask(label(l), "value")) as string | null);
		},
		async focus(l) {
			await native.focus(await mark(label(l), `a control labelled “${l}”`));
		},
		async fill(l, text) {
			const selector = await mark(label(l), `a control labelled “${l}”`);
			await native.focus(selector);
			// Long text is put in place at once and its last character typed, so the page still
			// sees real key presses without a minute of typing.
			const head = text.length > 40 ? text.slice(0, -1) : "";
			await native.evaluate(
				({ s, value }) => {
					const el = document.querySelector(s) as HTMLInputElement | HTMLTextAreaElement;
					if (value) {
						el.value = value;
						el.dispatchEvent(new Event("input", { bubbles: true }));
						el.setSelectionRange(value.length, value.length);
					} else el.select();
				},
				{ s: selector, value: head },
			);
			if (text === "") await native.press("Backspace");
			else await native.type(text.slice(head.length));
		},
		async select(l, option) {
			const selector = await mark(label(l), `a select labelled “${l}”`);
			const ok = await native.evaluate(
				({ s, o }) => {
					const el = document.querySelector(s) as HTMLSelectElement;
					const match = [...el.options].find((opt) => opt.text.trim() === o);
					if (!match) return false;
					el.value = match.value;
					el.dispatchEvent(new Event("input", { bubbles: true }));
					el.dispatchEvent(new Event("change", { bubbles: true }));
					return true;
				},
				{ s: selector, o: option },
			);
			if (!ok) throw new Error(`No option “${option}” in “${l}”`);
		},
		async click(role, name) {
			await native.click(await mark(roleQuery(role, name), `${role} “${String(name)}”`));
		},
		async text(role) {
			if (!role) return native.evaluate(() => document.body.innerText, null);
			return (await ask({ kind: "role", role }, "text")) as string;
		},
		async has(role, name) {
			return ((await ask(roleQuery(role, name), "count")) as number) > 0;
		},
		type: (text) => native.type(text),
		press: (chord) => native.press(chord),
		async uploadFile(l, path) {
			await native.uploadFile(await mark(label(l), `a file input labelled “${l}”`), path);
		},
		download: (action) => native.download(action),
		focusedId: () => native.evaluate(() => document.activeElement?.id || undefined, null),
		close: () => native.close(),
	};
}
