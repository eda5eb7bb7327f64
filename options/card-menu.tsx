import { useRef, useState } from "preact/hooks";
import type { Capture, Section } from "../src/core/capture.ts";
import type { MoveRequest } from "./card-actions.ts";

/**
 * A card's "Move" menu: up, down, top, bottom, or to another section. A
 * disclosure (details/summary), so it needs no script to open and Escape
 * closes it and returns to its button. Its items exist only while it is
 * open: a 1,000-card draft would otherwise build (and a reload tear down)
 * some fifteen elements per card that nobody sees.
 */
export function CardMenu(props: {
	capture: Capture;
	sections: readonly Section[];
	first: boolean;
	last: boolean;
	onMove: (request: MoveRequest) => void;
}) {
	const ref = useRef<HTMLDetailsElement>(null);
	const [open, setOpen] = useState(false);
	const pick = (request: MoveRequest) => {
		if (ref.current) ref.current.open = false;
		props.onMove(request);
	};
	const item = (label: string, request: MoveRequest, disabled = false) => (
		<li>
			<button type="button" disabled={disabled} onClick={() => pick(request)}>
				{label}
			</button>
		</li>
	);
	return (
		<details
			class="menu"
			ref={ref}
			onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
			onKeyDown={(e) => {
				if (e.key === "Escape" && ref.current?.open) {
					e.stopPropagation();
					ref.current.open = false;
					ref.current.querySelector("summary")?.focus();
				}
			}}
		>
			<summary aria-label={`Move “${props.capture.title}”`}>Move</summary>
			{open && (
				<ul class="menu-list">
					{item("Move up", { kind: "by", by: -1 }, props.first)}
					{item("Move down", { kind: "by", by: 1 }, props.last)}
					{item("Move to top", { kind: "top" }, props.first)}
					{item("Move to bottom", { kind: "bottom" }, props.last)}
					{props.sections
						.filter((s) => s.id !== props.capture.section)
						.map((s) => (
							<li key={s.id}>
								<button type="button" onClick={() => pick({ kind: "section", section: s.id })}>
									Move to {s.name}
								</button>
							</li>
						))}
				</ul>
			)}
		</details>
	);
}
