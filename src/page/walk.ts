/**
 * Visit the elements under `root` in document order, at most `limit` of
 * them. `visit` returns false to skip the element's subtree. A plain loop over
 * firstElementChild / nextElementSibling: no TreeWalker filter calls, which
 * cost a trip between the engine and script per element.
 */
export function walkElements(root: Element, limit: number, visit: (element: Element) => boolean | undefined): void {
	let visited = 0;
	let current: Element | null = root.firstElementChild;
	while (current && visited < limit) {
		visited++;
		const descend = visit(current) !== false;
		const child = descend ? current.firstElementChild : null;
		if (child) {
			current = child;
			continue;
		}
		// Next in document order: a sibling, or the sibling of the nearest ancestor that has one.
		let next: Element | null = current;
		while (next && next !== root && !next.nextElementSibling) next = next.parentElement;
		current = next && next !== root ? next.nextElementSibling : null;
	}
}
