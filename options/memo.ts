import { Component, type FunctionComponent, h } from "preact";

/**
 * A component that re-renders only when a prop changed (by identity), like
 * React's memo. Written here rather than taken from preact/compat: importing
 * compat changes how every onChange and value prop on the page behaves.
 */
export function memo<P extends object>(inner: FunctionComponent<P>): FunctionComponent<P> {
	class Memo extends Component<P> {
		override shouldComponentUpdate(next: P): boolean {
			const before = this.props as Record<string, unknown>;
			const after = next as Record<string, unknown>;
			for (const key in after) if (key !== "children" && before[key] !== after[key]) return true;
			for (const key in before) if (!(key in after)) return true;
			return false;
		}
		override render() {
			return h(inner, this.props);
		}
	}
	return Memo as unknown as FunctionComponent<P>;
}
